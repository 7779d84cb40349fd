using System.Security.Cryptography;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Bot.Conversations;

/// <summary>Reads and writes dialog state through the single writer.</summary>
public sealed class DialogStore(IStoreWriter writer, IDocumentStore store, ConversationOptions options, TimeProvider time)
{
    public DialogState? Get(string identityId) => store.Set<DialogState>().Get(identityId);

    /// <summary>Starts (or replaces) the identity's dialog with a fresh nonce.</summary>
    public Task<DialogState> StartAsync(string identityId, string flow, string step, Dictionary<string, string>? data, CancellationToken cancellationToken) =>
        SaveAsync(new DialogState
        {
            Id = identityId,
            Flow = flow,
            Step = step,
            Nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant(),
            Data = data ?? [],
        }, cancellationToken);

    /// <summary>Saves a changed state and pushes its expiry forward.</summary>
    public async Task<DialogState> SaveAsync(DialogState state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var saved = state with { UpdatedAt = now, ExpiresAt = now.AddMinutes(options.DialogTimeoutMinutes) };
        await writer.WriteAsync(s =>
        {
            s.Set<DialogState>().Upsert(saved);
            return true;
        }, cancellationToken);
        return saved;
    }

    public Task ClearAsync(string identityId, CancellationToken cancellationToken) =>
        store.Set<DialogState>().Get(identityId) is null
            ? Task.CompletedTask
            : writer.WriteAsync(s => s.Set<DialogState>().Delete(identityId), cancellationToken);
}
