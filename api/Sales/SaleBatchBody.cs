using System.Text.Json;

namespace LoyaltyBot.Api.Sales;

/// <summary>
/// The batch as it is bound: each item stays raw JSON and is read on its own by <see cref="SaleBatchItems"/>, so one
/// item that cannot be read is rejected alone. The API description shows <see cref="SaleBatchRequest"/>.
/// </summary>
public sealed record SaleBatchBody(IReadOnlyList<JsonElement>? Sales);
