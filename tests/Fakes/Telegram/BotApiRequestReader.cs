using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>
/// Reads Bot API parameters the way Telegram accepts them: query string, JSON body,
/// application/x-www-form-urlencoded or multipart/form-data.
/// </summary>
internal static class BotApiRequestReader
{
    public static async Task<BotApiRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
            parameters[key] = value.ToString();

        byte[]? fileBytes = null;
        string? fileName = null;

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in form)
                parameters[key] = value.ToString();

            if (form.Files.Count > 0)
            {
                var file = form.Files[0];
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                fileBytes = buffer.ToArray();
                fileName = file.FileName;
            }
        }
        else if (IsJson(request.ContentType))
        {
            using var document = await ReadJsonAsync(request.Body, cancellationToken).ConfigureAwait(false);
            if (document is not null)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new JsonException("The request body must be a JSON object.");
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (Flatten(property.Value) is { } text)
                        parameters[property.Name] = text;
                }
            }
        }

        return new BotApiRequest(parameters.AsReadOnly(), fileBytes, fileName);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static async Task<JsonDocument?> ReadJsonAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.Length == 0 ? null : JsonDocument.Parse(buffer.ToArray());
    }

    private static string? Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
