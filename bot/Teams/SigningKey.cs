using Microsoft.IdentityModel.Tokens;

namespace LoyaltyBot.Bot.Teams;

/// <summary>A Bot Framework signing key: as published (with its <c>endorsements</c>) and as used to check signatures.</summary>
internal sealed record SigningKey(JsonWebKey Published, SecurityKey Verifier);
