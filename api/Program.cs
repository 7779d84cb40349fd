using LoyaltyBot.Api.Admin;
using LoyaltyBot.Api.Achievements;
using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Broadcasts;
using LoyaltyBot.Api.Contests;
using LoyaltyBot.Api.Health;
using LoyaltyBot.Api.Hosting;
using LoyaltyBot.Api.Identities;
using LoyaltyBot.Api.Joining;
using LoyaltyBot.Api.Ledger;
using LoyaltyBot.Api.Members;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Api.Quizzes;
using LoyaltyBot.Api.Limits;
using LoyaltyBot.Api.Reports;
using LoyaltyBot.Api.Rewards;
using LoyaltyBot.Api.Referrals;
using LoyaltyBot.Api.Sales;
using LoyaltyBot.Api.Spiffs;
using LoyaltyBot.Api.Teams;
using LoyaltyBot.Api.Telegram;
using LoyaltyBot.Api.Webhooks;
using LoyaltyBot.Bot.Achievements;
using LoyaltyBot.Bot.Broadcasts;
using LoyaltyBot.Bot.Contests;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Expiry;
using LoyaltyBot.Bot.Quizzes;
using LoyaltyBot.Bot.Reports;
using LoyaltyBot.Bot.Rewards;
using LoyaltyBot.Bot.Spiffs;
using LoyaltyBot.Bot.Teams;
using LoyaltyBot.Bot.Tiers;
using LoyaltyBot.Bot.Referrals;
using LoyaltyBot.Bot.Telegram;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Quizzes;
using LoyaltyBot.Core.Referrals;
using LoyaltyBot.Core.Tiers;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.UseDefaultListenAddress(builder.Configuration);

builder.WebHost.ConfigureKestrel((context, kestrel) =>
    kestrel.Limits.MaxRequestBodySize = context.Configuration.MaxRequestBodyBytes());

builder.Services.AddApiConventions();
builder.Services.AddOpenApi();
builder.Services.AddApiKeyAuth();
builder.Services.AddApiRateLimits();
builder.Services.AddLoyaltyCore();
builder.Services.AddChat();
builder.Services.AddJoining();
builder.Services.AddQuizzes();
builder.Services.AddQuizChat();
builder.Services.AddRewards();
builder.Services.AddReferrals();
builder.Services.AddReferralChat();
builder.Services.AddTierUpCongratulations();
builder.Services.AddTierYearStart();
builder.Services.AddSpiffs();
builder.Services.AddPointsExpiry();
builder.Services.AddAchievements();
builder.Services.AddWebhooks();
builder.Services.AddReports();
builder.Services.AddBroadcasts();
builder.Services.AddBroadcastScheduling();
builder.Services.AddContests();
builder.Services.AddContestChat();
builder.Services.AddContestScheduling();
builder.Services.AddTelegram(builder.Configuration);
builder.Services.AddTeams(builder.Configuration);

var app = builder.Build();

// A wrong setting stops the start with a sentence naming the key (read after Build, so every source counts).
if (SettingsCheck.Problems(app.Configuration) is { Count: > 0 } problems)
{
    app.Logger.LogCritical("Configuration error: {Problems}", string.Join(" ", problems));
    problems.ToList().ForEach(problem => Console.Error.WriteLine($"Configuration error: {problem}"));
    return 2;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealth();
app.MapApiKeys();
app.MapAdmin();
app.MapMembers();
app.MapSales();
app.MapLedger();
app.MapJoining();
app.MapLinkedChats();
app.MapQuizzes();
app.MapRewards();
app.MapRedemptions();
app.MapReferrals();
app.MapSpiffs();
app.MapAchievements();
app.MapWebhooks();
app.MapReports();
app.MapBroadcasts();
app.MapContests();
app.MapTelegram();
app.MapTeams();

await app.EnsureAdminKeyAsync();
app.Run();
return 0;

/// <summary>Entry point; public so the tests' WebApplicationFactory can start the real host.</summary>
public partial class Program;
