using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Storage;
using LoyaltyBot.Core.Webhooks;

namespace LoyaltyBot.Core.Members;

/// <summary>Enrols members and changes their profile.</summary>
public sealed class MemberRegistry(IStoreWriter writer, TierLadder tiers, TimeProvider time, WebhookOutbox? webhooks = null)
{
    /// <summary>Creates a member; <paramref name="alsoInTransaction"/> lets a feature write along with it atomically.</summary>
    public Task<Result<Member>> EnrolAsync(
        NewMember request,
        CancellationToken cancellationToken,
        Action<IDocumentStore, Member>? alsoInTransaction = null)
    {
        var error = Check(request, out _, out _, out _, out _);
        if (error is not null)
        {
            return Task.FromResult<Result<Member>>(error);
        }

        return writer.WriteAsync(store =>
        {
            var enrolled = Enrol(store, request);
            if (enrolled.IsSuccess)
            {
                alsoInTransaction?.Invoke(store, enrolled.Value);
            }

            return enrolled;
        }, cancellationToken);
    }

    /// <summary>
    /// Inside a write operation: checks the request and creates the member, or returns the mistake and writes nothing
    /// (for a feature that must check its own state before a member is created, e.g. approving an application).
    /// </summary>
    public Result<Member> Enrol(IDocumentStore store, NewMember request)
    {
        var error = Check(request, out var externalId, out var name, out var region, out var language);
        if (error is not null)
        {
            return error;
        }

        var members = store.Set<Member>();
        if (members.Exists(m => m.ExternalId == externalId))
        {
            return MemberErrors.Duplicate(externalId);
        }

        var member = new Member
        {
            Id = StoreIds.New(),
            ExternalId = externalId,
            Name = name,
            Region = region,
            Language = language,
            Kind = request.Kind ?? MemberKind.Dealer,
            Tier = tiers.Lowest,
            CreatedAt = time.GetUtcNow(),
        };
        members.Insert(member);
        webhooks?.Emit(store, WebhookEventTypes.MemberCreated, new
        {
            memberId = member.Id,
            externalId = member.ExternalId,
            name = member.Name,
            region = member.Region,
            kind = member.Kind,
            tier = member.Tier,
        });
        return member;
    }

    public Task<Result<Member>> SetLanguageAsync(string memberId, string language, CancellationToken cancellationToken)
    {
        if (!Languages.IsSupported(language))
        {
            return Task.FromResult<Result<Member>>(
                DomainError.Invalid("language", Validate.InvalidValue, "'language' must be one of ru, uk, en."));
        }

        return writer.WriteAsync<Result<Member>>(store =>
        {
            var members = store.Set<Member>();
            var member = members.Get(memberId);
            if (member is null)
            {
                return DomainError.NotFound("unknown_member", "The member no longer exists.");
            }

            var changed = member with { Language = language };
            members.Update(changed);
            return changed;
        }, cancellationToken);
    }

    public Task<Result<Member>> SetStatusAsync(string externalId, MemberStatus status, CancellationToken cancellationToken) =>
        writer.WriteAsync<Result<Member>>(store =>
        {
            var members = store.Set<Member>();
            var member = members.FindOne(m => m.ExternalId == externalId);
            if (member is null)
            {
                return MemberErrors.Unknown(externalId);
            }

            var changed = member with { Status = status };
            members.Update(changed);
            return changed;
        }, cancellationToken);

    /// <summary>Replaces the member's chat roles (e.g. grants <c>manager</c>).</summary>
    public Task<Result<Member>> SetRolesAsync(string externalId, IReadOnlyList<string>? roles, CancellationToken cancellationToken)
    {
        if (roles is null)
        {
            return Task.FromResult<Result<Member>>(DomainError.Invalid("roles", Validate.MissingField, "'roles' is required."));
        }

        var normalized = roles.Select(r => r?.Trim().ToLowerInvariant() ?? string.Empty).Distinct().ToList();
        if (normalized.FirstOrDefault(r => !MemberRoles.All.Contains(r)) is { } unknown)
        {
            return Task.FromResult<Result<Member>>(DomainError.Invalid("roles", Validate.InvalidValue, $"Unknown role '{unknown}'; known roles: {string.Join(", ", MemberRoles.All)}."));
        }

        return writer.WriteAsync<Result<Member>>(store =>
        {
            var members = store.Set<Member>();
            var member = members.FindOne(m => m.ExternalId == externalId);
            if (member is null)
            {
                return MemberErrors.Unknown(externalId);
            }

            var changed = member with { Roles = normalized };
            members.Update(changed);
            return changed;
        }, cancellationToken);
    }

    private static DomainError? Check(NewMember request, out string externalId, out string name, out string? region, out string language)
    {
        region = null;
        language = Languages.Default;
        var externalIdError = ExternalIds.Check("externalId", request.ExternalId, out externalId);
        var nameError = Validate.Text("name", request.Name, 200, out name);
        var regionError = Validate.OptionalText("region", request.Region, 100, out var trimmedRegion);
        var error = externalIdError ?? nameError ?? regionError;
        if (error is not null)
        {
            return error;
        }

        region = trimmedRegion.Length == 0 ? null : trimmedRegion;
        if (request.Language is not null)
        {
            var lang = request.Language.Trim().ToLowerInvariant();
            if (!Languages.IsSupported(lang))
            {
                return DomainError.Invalid("language", Validate.InvalidValue, "'language' must be one of ru, uk, en.");
            }

            language = lang;
        }

        return null;
    }
}
