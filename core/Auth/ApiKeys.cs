using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Core.Auth;

/// <summary>Issues, revokes and verifies API keys.</summary>
public sealed class ApiKeys(IStoreWriter writer, IDocumentStore store, TimeProvider time)
{
    // Every API request looks its key up: keep the few key records in memory. Only this class writes them, and
    // it forgets them all after each write has committed; a lookup that raced with that write is not kept.
    private readonly Dictionary<string, ApiKey?> _cache = new(StringComparer.Ordinal);
    private readonly Lock _cacheLock = new();
    private long _generation;

    /// <summary>Id of the record that holds the hash of the configured <c>Auth:AdminKey</c>.</summary>
    public const string ConfiguredAdminId = "configured-admin";

    public Task<Result<IssuedApiKey>> IssueAsync(string? name, string? role, string actor, CancellationToken cancellationToken)
    {
        var error = Validate.Text("name", name, 100, out var trimmedName);
        if (error is not null)
        {
            return Task.FromResult<Result<IssuedApiKey>>(error);
        }

        if (!Enum.TryParse<ApiKeyRole>(role, ignoreCase: true, out var parsedRole) || !Enum.IsDefined(parsedRole) || int.TryParse(role, out _))
        {
            return Task.FromResult<Result<IssuedApiKey>>(
                DomainError.Invalid("role", Validate.InvalidValue, "'role' must be one of admin, manager, integration."));
        }

        var issued = Create(trimmedName, parsedRole, actor);
        return Forgetting(writer.WriteAsync<Result<IssuedApiKey>>(s =>
        {
            s.Set<ApiKey>().Insert(issued.Key);
            return issued;
        }, cancellationToken));
    }

    /// <summary>
    /// Revokes a key at once; the last working admin key is refused (409 <c>last_admin_key</c>), so nobody locks the
    /// program out of its own API: issue another admin key first.
    /// </summary>
    public Task<Result<ApiKey>> RevokeAsync(string id, CancellationToken cancellationToken) =>
        Forgetting(writer.WriteAsync<Result<ApiKey>>(s =>
        {
            var keys = s.Set<ApiKey>();
            var key = keys.Get(id);
            if (key is null)
            {
                return Unknown(id);
            }

            if (key.RevokedAt is not null)
            {
                return key;
            }

            if (key.Role == ApiKeyRole.Admin && !keys.Exists(k => k.Role == ApiKeyRole.Admin && k.RevokedAt == null && k.Id != id))
            {
                return DomainError.Conflict("last_admin_key", $"'{id}' is the last admin key; issue another admin key before revoking it.", "id");
            }

            var revoked = key with { RevokedAt = time.GetUtcNow() };
            keys.Update(revoked);
            return revoked;
        }, cancellationToken));

    public static DomainError Unknown(string id) => DomainError.NotFound("api_key_not_found", $"No API key has id '{id}'.", "id");

    public ApiKey? Get(string id) => store.Set<ApiKey>().Get(id);

    public IReadOnlyList<ApiKey> List() => store.Set<ApiKey>().All().OrderBy(k => k.CreatedAt).ToArray();

    /// <summary>The active key the presented secret belongs to, or null.</summary>
    public ApiKey? Authenticate(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return null;
        }

        var key = Find(ApiKeySecrets.IdOf(presented) ?? ConfiguredAdminId);
        return key is { RevokedAt: null } && ApiKeySecrets.Matches(presented, key) ? key : null;
    }

    private ApiKey? Find(string id)
    {
        long generation;
        lock (_cacheLock)
        {
            if (_cache.TryGetValue(id, out var cached))
            {
                return cached;
            }

            generation = _generation;
        }

        var key = store.Set<ApiKey>().Get(id);
        lock (_cacheLock)
        {
            if (generation == _generation && _cache.Count < 10_000)
            {
                _cache[id] = key;
            }
        }

        return key;
    }

    private async Task<T> Forgetting<T>(Task<T> write)
    {
        try
        {
            return await write;
        }
        finally
        {
            lock (_cacheLock)
            {
                _generation++;
                _cache.Clear();
            }
        }
    }

    /// <summary>
    /// Makes sure an admin can get in: stores the configured admin key's hash, or on a store
    /// without any key generates one and returns its secret so the host can print it once.
    /// </summary>
    public Task<string?> EnsureAdminAsync(string? configuredAdminKey, CancellationToken cancellationToken) =>
        Forgetting(writer.WriteAsync(s =>
        {
            var keys = s.Set<ApiKey>();
            if (!string.IsNullOrEmpty(configuredAdminKey))
            {
                var current = keys.Get(ConfiguredAdminId);
                if (current is null || !ApiKeySecrets.Matches(configuredAdminKey, current))
                {
                    var salt = ApiKeySecrets.NewSalt();
                    keys.Upsert(new ApiKey
                    {
                        Id = ConfiguredAdminId,
                        Name = "Auth:AdminKey",
                        Role = ApiKeyRole.Admin,
                        Salt = salt,
                        Hash = ApiKeySecrets.HashOf(configuredAdminKey, salt),
                        CreatedAt = time.GetUtcNow(),
                        CreatedBy = "configuration",
                    });
                }

                return null;
            }

            if (keys.Count() > 0)
            {
                return null;
            }

            var issued = Create("generated admin key", ApiKeyRole.Admin, "startup");
            keys.Insert(issued.Key);
            return issued.Secret;
        }, cancellationToken));

    private IssuedApiKey Create(string name, ApiKeyRole role, string actor)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var secret = ApiKeySecrets.NewSecret(id);
        var salt = ApiKeySecrets.NewSalt();
        var key = new ApiKey
        {
            Id = id,
            Name = name,
            Role = role,
            Salt = salt,
            Hash = ApiKeySecrets.HashOf(secret, salt),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = actor,
        };
        return new IssuedApiKey(key, secret);
    }
}
