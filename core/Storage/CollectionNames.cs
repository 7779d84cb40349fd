using System.Collections.Concurrent;

namespace LoyaltyBot.Core.Storage;

internal sealed class CollectionNames
{
    private readonly ConcurrentDictionary<Type, string> _names = new();
    private readonly ConcurrentDictionary<Type, bool> _keptByWriter = new();

    public void Register<T>(string name, bool keptByWriter)
    {
        _names[typeof(T)] = name;
        _keptByWriter[typeof(T)] = keptByWriter;
    }

    /// <summary>True when the store writer may keep this collection's documents in memory across commits.</summary>
    public bool KeptByWriter<T>() => _keptByWriter.TryGetValue(typeof(T), out var kept) && kept;

    public string Of<T>() => _names.GetOrAdd(typeof(T), static t => t.Name.ToLowerInvariant());
}
