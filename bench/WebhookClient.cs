using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LoyaltyBot.Bench;

/// <summary>Posts Telegram updates to <c>POST /telegram/webhook</c> as Telegram does, and creates members to join with.</summary>
internal sealed class WebhookClient : IDisposable
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Telegram user ids of the benchmark's users start here (private chat id = user id).</summary>
    public const long FirstUserId = 900_000_000;

    private readonly HttpClient _http;
    private readonly string _adminKey;

    public WebhookClient(string baseUrl, string adminKey, string secret, int maxConnections)
    {
        _adminKey = adminKey;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, UseCookies = false })
        {
            BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromMinutes(2),
        };
        _http.DefaultRequestHeaders.Add(SecretHeader, secret);
    }

    /// <summary>Creates a member and returns its join code.</summary>
    public async Task<string> CreateMemberAsync(string externalId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/members")
        {
            Content = JsonContent.Create(new MemberRequest(externalId, "Bench " + externalId, Language: "ru"), options: BenchJson.Api),
        };
        request.Headers.Add("X-Api-Key", _adminKey);
        using var response = await _http.SendAsync(request, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(BenchJson.Api, ct);
        return response.StatusCode == HttpStatusCode.Created && body.TryGetProperty("joinCode", out var code) && code.GetString() is { } text
            ? text
            : throw new InvalidOperationException($"POST /api/v1/members {externalId}: HTTP {(int)response.StatusCode} {body}");
    }

    /// <summary>Posts one update; returns the status and the time until the webhook answered.</summary>
    public async Task<(HttpStatusCode Status, double LatencyMs)> PostUpdateAsync(byte[] update, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var content = new ByteArrayContent(update);
        content.Headers.ContentType = new("application/json");
        using var response = await _http.PostAsync("telegram/webhook", content, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return (response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>A private text message from user <paramref name="userIndex"/>, shaped like Telegram's own updates.</summary>
    public static byte[] TextUpdate(int updateId, int userIndex, string text)
    {
        var userId = FirstUserId + userIndex;
        var update = new JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = updateId,
                ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Bench", ["last_name"] = $"User {userIndex}", ["language_code"] = "ru" },
                ["chat"] = new JsonObject { ["id"] = userId, ["first_name"] = "Bench", ["last_name"] = $"User {userIndex}", ["type"] = "private" },
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["text"] = text,
                ["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = text.Split(' ')[0].Length, ["type"] = "bot_command" }),
            },
        };
        return Encoding.UTF8.GetBytes(update.ToJsonString());
    }

    public void Dispose() => _http.Dispose();
}
