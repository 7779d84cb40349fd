using System.Net;
using System.Text;
using System.Text.Json;

namespace LoyaltyBot.Tests.Security;

/// <summary>
/// Every endpoint of the real host (Telegram and Teams switched on) × {no key, integration, manager, admin}. The
/// expected policy comes from the table below, not from the endpoints' metadata: a new endpoint without a row fails.
/// </summary>
public sealed class RoleMatrixTests : IAsyncLifetime
{
    private const string Anonymous = "anonymous";
    private const string Integration = "integration";
    private const string Manager = "manager";
    private const string Admin = "admin";

    /// <summary>"METHOD route pattern" → who may call it. Anonymous endpoints authenticate their own way or not at all.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["GET /health"] = Anonymous,
        ["GET /openapi/{documentName}.json"] = Anonymous,
        ["GET /scalar/{documentName?}"] = Anonymous,
        ["GET /scalar/scalar.js"] = Anonymous,
        ["GET /scalar/scalar.aspnetcore.js"] = Anonymous,
        ["GET /scalar/favicon.svg"] = Anonymous,
        ["POST /telegram/webhook"] = Anonymous,
        ["POST /api/messages"] = Anonymous,

        ["POST /api/v1/api-keys"] = Admin,
        ["GET /api/v1/api-keys"] = Admin,
        ["GET /api/v1/api-keys/{id}"] = Admin,
        ["DELETE /api/v1/api-keys/{id}"] = Admin,
        ["POST /api/v1/admin/backup"] = Admin,

        ["POST /api/v1/members"] = Integration,
        ["GET /api/v1/members"] = Integration,
        ["GET /api/v1/members/{externalId}"] = Integration,
        ["POST /api/v1/members/{externalId}/block"] = Manager,
        ["POST /api/v1/members/{externalId}/unblock"] = Manager,
        ["POST /api/v1/members/{externalId}/roles"] = Admin,
        ["POST /api/v1/members/{externalId}/join-code"] = Integration,
        ["DELETE /api/v1/members/{externalId}/join-codes"] = Manager,
        ["GET /api/v1/members/{externalId}/chats"] = Manager,
        ["DELETE /api/v1/members/{externalId}/chats/{id}"] = Manager,
        ["GET /api/v1/members/{externalId}/ledger"] = Integration,
        ["POST /api/v1/members/{externalId}/adjustments"] = Manager,
        ["GET /api/v1/members/{externalId}/referrals"] = Manager,

        ["POST /api/v1/sales"] = Integration,
        ["POST /api/v1/sales/batch"] = Integration,

        ["POST /api/v1/quizzes"] = Manager,
        ["GET /api/v1/quizzes"] = Manager,
        ["GET /api/v1/quizzes/{id}"] = Manager,
        ["PUT /api/v1/quizzes/{id}"] = Manager,
        ["GET /api/v1/quizzes/{id}/stats"] = Manager,

        ["GET /api/v1/rewards"] = Integration,
        ["GET /api/v1/rewards/{id}"] = Integration,
        ["GET /api/v1/rewards/{id}/image"] = Integration,
        ["POST /api/v1/rewards"] = Manager,
        ["PUT /api/v1/rewards/{id}"] = Manager,
        ["POST /api/v1/rewards/{id}/deactivate"] = Manager,
        ["POST /api/v1/rewards/{id}/activate"] = Manager,
        ["DELETE /api/v1/rewards/{id}"] = Manager,
        ["PUT /api/v1/rewards/{id}/image"] = Manager,
        ["POST /api/v1/rewards/{id}/image"] = Manager,
        ["DELETE /api/v1/rewards/{id}/image"] = Manager,

        ["POST /api/v1/members/{externalId}/redemptions"] = Integration,
        ["GET /api/v1/members/{externalId}/redemptions"] = Integration,
        ["POST /api/v1/members/{externalId}/redemptions/{id}/cancel"] = Integration,
        ["GET /api/v1/redemptions"] = Manager,
        ["GET /api/v1/redemptions/{id}"] = Manager,
        ["POST /api/v1/redemptions/{id}/approve"] = Manager,
        ["POST /api/v1/redemptions/{id}/reject"] = Manager,

        ["GET /api/v1/applications"] = Manager,
        ["GET /api/v1/applications/{id}"] = Manager,
        ["POST /api/v1/applications/{id}/approve"] = Manager,
        ["POST /api/v1/applications/{id}/reject"] = Manager,
        ["GET /api/v1/referrals/stats"] = Manager,

        ["GET /api/v1/spiffs"] = Integration,
        ["GET /api/v1/spiffs/{id}"] = Integration,
        ["POST /api/v1/spiffs"] = Manager,
        ["PUT /api/v1/spiffs/{id}"] = Manager,
        ["POST /api/v1/spiffs/{id}/deactivate"] = Manager,

        ["GET /api/v1/achievements/rules"] = Manager,
        ["GET /api/v1/achievements/rules/{id}"] = Manager,
        ["POST /api/v1/achievements/rules"] = Manager,
        ["PUT /api/v1/achievements/rules/{id}"] = Manager,

        ["GET /api/v1/webhooks"] = Admin,
        ["GET /api/v1/webhooks/{id}"] = Admin,
        ["POST /api/v1/webhooks"] = Admin,
        ["PUT /api/v1/webhooks/{id}"] = Admin,
        ["DELETE /api/v1/webhooks/{id}"] = Admin,
        ["GET /api/v1/webhooks/{id}/deliveries"] = Admin,

        ["GET /api/v1/reports/kpi"] = Manager,
        ["GET /api/v1/reports/kpi.png"] = Manager,
        ["GET /api/v1/reports/ledger.csv"] = Manager,
        ["GET /api/v1/reports/members.csv"] = Manager,

        ["POST /api/v1/broadcasts"] = Manager,
        ["GET /api/v1/broadcasts"] = Manager,
        ["GET /api/v1/broadcasts/{id}"] = Manager,
        ["POST /api/v1/broadcasts/{id}/cancel"] = Manager,

        ["POST /api/v1/contests"] = Manager,
        ["GET /api/v1/contests"] = Manager,
        ["GET /api/v1/contests/{id}"] = Manager,
        ["PUT /api/v1/contests/{id}"] = Manager,
        ["POST /api/v1/contests/{id}/cancel"] = Manager,
        ["GET /api/v1/contests/{id}/leaderboard"] = Manager,
    };

    private static readonly string[] Ranks = [Integration, Manager, Admin];

    private SecureHost _host = null!;

    public async Task InitializeAsync() => _host = await SecureHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Every_endpoint_of_the_host_has_a_row_in_the_role_table_and_every_row_an_endpoint()
    {
        var actual = _host.Endpoints().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(actual.Except(Expected.Keys).Order());
        Assert.Empty(Expected.Keys.Except(actual).Order());
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_its_role_allows()
    {
        var callers = new Dictionary<string, HttpClient>
        {
            ["none"] = _host.Anonymous(),
            [Integration] = _host.WithKey(await _host.KeyFor(Integration)),
            [Manager] = _host.WithKey(await _host.KeyFor(Manager)),
            [Admin] = _host.Admin(),
        };
        var failures = new List<string>();
        foreach (var endpoint in _host.Endpoints().Where(e => Expected.ContainsKey(e.Key)))
        {
            var required = Expected[endpoint.Key];
            var answers = new Dictionary<string, (HttpStatusCode Status, string? Code)>();
            foreach (var (caller, client) in callers)
            {
                answers[caller] = await CallAsync(client, endpoint.Method, SecureHost.Concrete(endpoint.Pattern, _ => "no-such-id"));
            }

            foreach (var (caller, answer) in answers)
            {
                var expectation = Expectation(required, caller);
                if (!expectation.Holds(answer.Status, answer.Code))
                {
                    failures.Add($"{endpoint.Key} as {caller}: {(int)answer.Status} {answer.Code}, expected {expectation.Text}");
                }
            }

            if (required == Anonymous && answers.Values.Select(a => a.Status).Distinct().Count() != 1)
            {
                failures.Add($"{endpoint.Key}: an anonymous endpoint answered differently by key: {string.Join(", ", answers.Select(a => $"{a.Key}={(int)a.Value.Status}"))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static (string Text, Func<HttpStatusCode, string?, bool> Holds) Expectation(string required, string caller)
    {
        bool IsAuthFailure(HttpStatusCode status, string? code) =>
            status == HttpStatusCode.Unauthorized && code is "missing_api_key" or "invalid_api_key"
            || status == HttpStatusCode.Forbidden && code == "forbidden";

        if (required == Anonymous)
        {
            return ("no API-key refusal", (s, c) => !IsAuthFailure(s, c) && (int)s < 500);
        }

        if (caller == "none")
        {
            return ("401 missing_api_key", (s, c) => s == HttpStatusCode.Unauthorized && c == "missing_api_key");
        }

        return Array.IndexOf(Ranks, caller) >= Array.IndexOf(Ranks, required)
            ? ("allowed (not 401/403, not 5xx)", (s, _) => s is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)s < 500)
            : ("403 forbidden", (s, c) => s == HttpStatusCode.Forbidden && c == "forbidden");
    }

    private static async Task<(HttpStatusCode, string?)> CallAsync(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        }

        return (response.StatusCode, code);
    }
}
