using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoyaltyBot.Api.Reports;

/// <summary>KPI figures and chart, and CSV exports of the ledger and the members (manager).</summary>
public static class ReportsEndpoints
{
    public static RouteGroupBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(ApiRoles.Manager)
            .AddEndpointFilter<IsoPeriodFilter>();
        group.MapGet("/kpi", Kpi);
        group.MapGet("/kpi.png", KpiPng);
        group.MapGet("/ledger.csv", LedgerCsv);
        group.MapGet("/members.csv", MembersCsv);
        return group;
    }

    /// <summary>The KPIs of [from, to); defaults: the 30 days up to now.</summary>
    public static Results<Ok<KpiFigures>, ProblemHttpResult> Kpi(KpiReports reports, DateTimeOffset? from, DateTimeOffset? to)
    {
        var period = reports.Period(from, to);
        return period.IsSuccess ? TypedResults.Ok(reports.Compute(period.Value.From, period.Value.To)) : period.Error.ToProblem();
    }

    /// <summary>Weekly points issued and redeemed and active members of [from, to), as a PNG chart; <c>lang</c> = ru|uk|en.</summary>
    public static Results<FileContentHttpResult, ProblemHttpResult> KpiPng(
        KpiReports reports, ProgramCalendar calendar, DateTimeOffset? from, DateTimeOffset? to, string? lang)
    {
        var period = reports.Period(from, to);
        if (!period.IsSuccess)
        {
            return period.Error.ToProblem();
        }

        var figures = reports.Compute(period.Value.From, period.Value.To);
        return TypedResults.File(KpiChartTexts.Render(figures, Texts.For(lang), calendar.TimeZone), "image/png", "kpi.png");
    }

    /// <summary>Every ledger entry (optionally of [from, to)), oldest first, streamed as CSV.</summary>
    public static PushStreamHttpResult LedgerCsv(CsvExports exports, HttpContext context, DateTimeOffset? from, DateTimeOffset? to) =>
        TypedResults.Stream(stream => exports.WriteLedgerAsync(stream, from, to, context.RequestAborted), "text/csv; charset=utf-8", "ledger.csv");

    public static PushStreamHttpResult MembersCsv(CsvExports exports, HttpContext context) =>
        TypedResults.Stream(stream => exports.WriteMembersAsync(stream, context.RequestAborted), "text/csv; charset=utf-8", "members.csv");
}
