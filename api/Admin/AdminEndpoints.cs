using LoyaltyBot.Api.Auth;
using LoyaltyBot.Core.Backups;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Admin;

/// <summary>Operator tools.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization(ApiRoles.Admin);
        group.MapPost("/backup", Backup);
        return group;
    }

    /// <summary>A consistent single-file copy of the database in <c>Backup:Directory</c>, taken while the service runs.</summary>
    public static async Task<Created<BackupResponse>> Backup(StoreBackups backups, CancellationToken cancellationToken)
    {
        var backup = await backups.CreateAsync(cancellationToken);
        return TypedResults.Created((string?)null, new BackupResponse(backup.Path, backup.SizeBytes, backup.CreatedAt));
    }
}
