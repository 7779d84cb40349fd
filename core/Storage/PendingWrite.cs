namespace LoyaltyBot.Core.Storage;

/// <summary>One queued operation: runs inside the writer's transaction, completes after commit.</summary>
internal abstract class PendingWrite
{
    public abstract void Run(IDocumentStore store);

    public abstract void Complete();

    public abstract void Fail(Exception exception);
}

internal sealed class PendingWrite<T>(Func<IDocumentStore, T> operation) : PendingWrite
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _completion.Task;

    public override void Run(IDocumentStore store) => _result = operation(store);

    public override void Complete() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
