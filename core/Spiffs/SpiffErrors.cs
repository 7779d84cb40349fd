using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Spiffs;

public static class SpiffErrors
{
    public static DomainError NotFound(string id) => DomainError.NotFound("spiff_not_found", $"There is no SPIFF '{id}'.", "id");
}
