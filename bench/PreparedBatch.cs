namespace LoyaltyBot.Bench;

/// <summary>A batch of sales with its JSON body serialized ahead of the timed run.</summary>
internal sealed record PreparedBatch(IReadOnlyList<SaleRequest> Sales, byte[] Payload);
