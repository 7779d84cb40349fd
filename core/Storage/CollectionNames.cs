using System.Collections.Concurrent;

namespace LoyaltyBot.Core.Storage;

internal sealed class CollectionNames
{
    private readonly ConcurrentDictionary<Type, string> _names = new();

    public void Register<T>(string name) => _names[typeof(T)] = name;

    public string Of<T>() => _names.GetOrAdd(typeof(T), static t => t.Name.ToLowerInvariant());
}
