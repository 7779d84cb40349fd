namespace LoyaltyBot.Api.Sales;

/// <summary>
/// The batch as it is bound: each item is read on its own (<see cref="SaleBatchEntryConverter"/>), so one item that
/// cannot be read is rejected alone. The API description shows <see cref="SaleBatchRequest"/>.
/// </summary>
public sealed record SaleBatchBody(IReadOnlyList<SaleBatchEntry?>? Sales);
