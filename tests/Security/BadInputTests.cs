using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LoyaltyBot.Tests.Security;

/// <summary>
/// Every endpoint that reads a JSON body, and both webhooks, fed malformed, mistyped, deeply nested, invalid
/// UTF-8, extreme-number and oversize bodies: always a 4xx problem with a code, never a 5xx, nothing written.
/// (The Telegram webhook answers 200 to an unreadable update on purpose — any other status makes Telegram
/// redeliver it forever — so there "nothing written" is what counts.)
/// </summary>
public sealed class BadInputTests : IClassFixture<BadInputTests.Host>
{
    public const int BodyLimit = 64 * 1024;

    private const string TelegramWebhook = "POST /telegram/webhook";
    private const string TeamsWebhook = "POST /api/messages";

    private readonly Host _host;

    public BadInputTests(Host host) => _host = host;

    public static TheoryData<string> Cases() => new(BadBodies.Keys);

    /// <summary>Bodies by name; "{}" stands for a JSON object of the usual field names, each with the bad value.</summary>
    private static readonly Dictionary<string, Func<byte[]>> BadBodies = new(StringComparer.Ordinal)
    {
        ["truncated JSON"] = () => Utf8("""{"name": "x", "units": """),
        ["single quotes"] = () => Utf8("{'name': 'x'}"),
        ["trailing garbage"] = () => Utf8("""{"name": "x"}}"""),
        ["not JSON at all"] = () => Utf8("<xml>hello</xml>"),
        ["empty body"] = () => [],
        ["JSON null"] = () => Utf8("null"),
        ["JSON array instead of object"] = () => Utf8("[1, 2, 3]"),
        ["JSON string instead of object"] = () => Utf8("\"hello\""),
        ["wrong types in every field"] = () => Fields(_ => "[[]]", numbers: "\"many\"", arrays: "{\"a\":1}"),
        ["objects in every field"] = () => Fields(_ => "{\"$ne\":null}", numbers: "{}", arrays: "\"x\""),
        ["10,000 nested arrays"] = () => Utf8(new string('[', 10_000) + new string(']', 10_000)),
        ["10,000 nested objects in a field"] = () => Utf8("{\"name\":" + string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_001)),
        ["invalid UTF-8"] = () => [.. Utf8("{\"externalId\":\"D-"), 0xC3, 0x28, 0xFF, 0xFE, .. Utf8("\",\"name\":\"\xC0\"}")],
        ["lone surrogate escape"] = () => Utf8("{\"externalId\":\"\\uD800\",\"name\":\"\\uDFFF\"}"),
        ["number 1e400"] = () => Fields(_ => "1e400", numbers: "1e400", arrays: "[1e400]"),
        ["number -0"] = () => Fields(_ => "-0", numbers: "-0", arrays: "[-0]"),
        ["number 2^96 (over decimal)"] = () => Fields(_ => "79228162514264337593543950336", numbers: "79228162514264337593543950336", arrays: "[79228162514264337593543950336]"),
        ["number -2^96"] = () => Fields(_ => "-79228162514264337593543950336", numbers: "-79228162514264337593543950336", arrays: "[-1e308]"),
        ["oversize body"] = () => Utf8("{\"name\":\"" + new string('x', BodyLimit + 1) + "\"}"),
    };

    private static readonly string[] StringFields =
    [
        "id", "externalId", "memberExternalId", "name", "region", "language", "kind", "sku", "reason", "idempotencyKey",
        "role", "voucher", "message", "rewardId", "url", "secret", "category", "metric", "timeZone", "status", "title",
        "description", "text", "occurredAt", "startsAt", "endsAt", "opensAt", "closesAt", "from", "to", "sendAt",
    ];

    private static readonly string[] NumberFields = ["units", "amount", "costPoints", "stock", "perMemberLimit", "points", "pointsPerUnit", "threshold", "timeLimitSeconds"];

    private static readonly string[] ArrayFields = ["roles", "sales", "questions", "prizes", "skus", "tiers", "regions", "events"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_json_endpoint_and_webhook_refuses_the_body_with_a_4xx_problem_and_writes_nothing(string @case)
    {
        var body = BadBodies[@case]();
        var failures = new List<string>();
        var client = _host.Secure.Admin();
        foreach (var endpoint in _host.Targets)
        {
            var before = _host.Secure.StoreCounts();
            var request = RequestFor(endpoint, body);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var isTelegram = endpoint.Key == TelegramWebhook;
            if (status >= 500)
            {
                failures.Add($"{endpoint.Key}: {status} {text}");
            }
            else if (status < 400 && !(isTelegram && status == 200))
            {
                failures.Add($"{endpoint.Key}: {status} (expected 4xx) {Short(text)}");
            }
            else if (status >= 400 && (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || CodeOf(text) is null))
            {
                failures.Add($"{endpoint.Key}: {status} without a problem+json code: {Short(text)}");
            }
            else if (@case == "oversize body" && (status != 413 || (endpoint.Key != TeamsWebhook && CodeOf(text) != "payload_too_large")))
            {
                failures.Add($"{endpoint.Key}: oversize answered {status} {CodeOf(text)}");
            }

            await Task.Delay(10); // let a (wrong) background write land before comparing
            var after = _host.Secure.StoreCounts();
            if (!before.SequenceEqual(after))
            {
                failures.Add($"{endpoint.Key}: wrote {string.Join(", ", after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key} {before.GetValueOrDefault(a.Key)}→{a.Value}"))}");
            }
        }

        Assert.True(failures.Count == 0, $"{@case}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Script_html_and_sql_in_every_string_field_are_refused_or_kept_as_plain_text()
    {
        var failures = new List<string>();
        var client = _host.Secure.Admin();
        foreach (var endpoint in _host.Targets.Where(t => t.Key is not (TelegramWebhook or TeamsWebhook)))
        {
            var body = Fields(_ => JsonSerializer.Serialize(Injection), numbers: "1", arrays: JsonSerializer.Serialize(new[] { Injection }));
            using var response = await client.SendAsync(RequestFor(endpoint, body));
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{endpoint.Key}: {status} {text}");
            }
            else if (status >= 400 && (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || CodeOf(text) is null))
            {
                failures.Add($"{endpoint.Key}: {status} without a problem+json code: {Short(text)}");
            }
            else if (status < 400)
            {
                // Accepted: whatever came back holds the text exactly as sent, or not at all.
                var strings = new List<string>();
                Collect(JsonDocument.Parse(text).RootElement, strings);
                failures.AddRange(strings.Where(v => v.Contains("script", StringComparison.Ordinal) && !v.Contains(Injection, StringComparison.Ordinal))
                    .Select(v => $"{endpoint.Key}: {status} changed the text to {Short(v)}"));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private const string Injection = "'; DROP TABLE members;-- <script>alert(1)</script><b onmouseover=alert(2)>x</b> {{7*7}} ${7*7} \" OR 1=1 --";

    private static void Collect(JsonElement element, List<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, strings);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, strings);
                }

                break;
        }
    }

    [Fact]
    public async Task An_oversize_body_is_refused_before_the_key_is_even_looked_at()
    {
        var oversize = SecureHost.Json("{\"name\":\"" + new string('x', BodyLimit) + "\"}");

        using var response = await _host.Secure.Anonymous().PostAsync("/api/v1/sales/batch", oversize);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", CodeOf(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public void The_targets_are_every_json_endpoint_and_both_webhooks()
    {
        Assert.Contains(_host.Targets, t => t.Key == TelegramWebhook);
        Assert.Contains(_host.Targets, t => t.Key == TeamsWebhook);
        Assert.Contains(_host.Targets, t => t.Key == "POST /api/v1/sales/batch");
        Assert.Contains(_host.Targets, t => t.Key == "PUT /api/v1/contests/{id}");
        Assert.True(_host.Targets.Count >= 25, string.Join(", ", _host.Targets.Select(t => t.Key)));
    }

    private HttpRequestMessage RequestFor(HostEndpoint endpoint, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return endpoint.Key switch
        {
            TelegramWebhook => _host.Secure.TelegramUpdate(content),
            TeamsWebhook => _host.Secure.TeamsActivity(content),
            _ => new HttpRequestMessage(new HttpMethod(endpoint.Method), SecureHost.Concrete(endpoint.Pattern, _host.IdFor)) { Content = content },
        };
    }

    private static byte[] Fields(Func<string, string> value, string numbers, string arrays)
    {
        var parts = StringFields.Select(f => $"\"{f}\":{value(f)}")
            .Concat(NumberFields.Select(f => $"\"{f}\":{numbers}"))
            .Concat(ArrayFields.Select(f => $"\"{f}\":{arrays}"));
        return Utf8("{" + string.Join(",", parts) + "}");
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string? CodeOf(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] : text;

    /// <summary>One host for all cases, with real ids to aim at, so bodies reach the handlers of existing things.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

        public SecureHost Secure { get; private set; } = null!;

        public IReadOnlyList<HostEndpoint> Targets { get; private set; } = [];

        public string IdFor(string parameter) => _ids.GetValueOrDefault(parameter, "no-such-id");

        public async Task InitializeAsync()
        {
            Secure = await SecureHost.StartAsync(new Dictionary<string, string?>
            {
                ["Api:MaxRequestBodyBytes"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            var admin = Secure.Admin();
            (await admin.PostAsJsonAsync("/api/v1/members", new { externalId = "D-1", name = "Dealer" })).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync("/api/v1/sales", new { id = "S-1", memberExternalId = "D-1", sku = "X", units = 10, occurredAt = DateTimeOffset.UtcNow.AddHours(-1) })).EnsureSuccessStatusCode();
            _ids["externalId"] = "D-1";
            Targets = Secure.Endpoints()
                .Where(e => e.Method is "POST" or "PUT" or "PATCH" && (e.ReadsJson || e.Key is TelegramWebhook or TeamsWebhook))
                .ToArray();
            await Task.Delay(200); // let start-up work (outbox, observers of the seed sale) settle before counting
        }

        public async Task DisposeAsync() => await Secure.DisposeAsync();
    }
}
