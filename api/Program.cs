using LoyaltyBot.Api.Auth;
using LoyaltyBot.Api.Contests;
using LoyaltyBot.Api.Health;
using LoyaltyBot.Api.Joining;
using LoyaltyBot.Api.Ledger;
using LoyaltyBot.Api.Members;
using LoyaltyBot.Api.Problems;
using LoyaltyBot.Api.Quizzes;
using LoyaltyBot.Api.Sales;
using LoyaltyBot.Api.Telegram;
using LoyaltyBot.Bot.Contests;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Quizzes;
using LoyaltyBot.Bot.Telegram;
using LoyaltyBot.Core.Contests;
using LoyaltyBot.Core.Hosting;
using LoyaltyBot.Core.Quizzes;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel((context, kestrel) =>
    kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue<long?>("Api:MaxRequestBodyBytes") ?? 8 * 1024 * 1024);

builder.Services.AddApiConventions();
builder.Services.AddOpenApi();
builder.Services.AddApiKeyAuth();
builder.Services.AddLoyaltyCore();
builder.Services.AddChat();
builder.Services.AddJoining();
builder.Services.AddQuizzes();
builder.Services.AddQuizChat();
builder.Services.AddContests();
builder.Services.AddContestChat();
builder.Services.AddContestScheduling();
builder.Services.AddTelegram(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealth();
app.MapApiKeys();
app.MapMembers();
app.MapSales();
app.MapLedger();
app.MapJoining();
app.MapQuizzes();
app.MapContests();
app.MapTelegram();

await app.EnsureAdminKeyAsync();
app.Run();

/// <summary>Entry point; public so the tests' WebApplicationFactory can start the real host.</summary>
public partial class Program;
