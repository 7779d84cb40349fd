namespace LoyaltyBot.Bench;

/// <summary>A single sale with its JSON body serialized ahead of the timed run.</summary>
internal sealed record PreparedSale(SaleRequest Sale, byte[] Payload);
