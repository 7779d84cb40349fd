using System.Text.Json.Serialization;
using LoyaltyBot.Core.Sales;

namespace LoyaltyBot.Api.Sales;

/// <summary>
/// One item of a sales batch as read: the <see cref="Sale"/>, or, when the item could not be read, the
/// <see cref="UnreadableField"/> (null when the item itself is not a JSON object) and its <see cref="Id"/> if it has one.
/// </summary>
[JsonConverter(typeof(SaleBatchEntryConverter))]
public sealed record SaleBatchEntry(SaleRequest? Sale, string? Id = null, string? UnreadableField = null);
