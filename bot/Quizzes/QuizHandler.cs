using System.Globalization;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Bot.Quizzes;

/// <summary>
/// <c>/quiz</c> and the quiz buttons: the open quizzes, a quiz's intro, one question at a time, feedback and the
/// result. Every answer goes through <see cref="QuizAttempts.AnswerAsync"/>, which decides alone whether it counts.
/// </summary>
public sealed class QuizHandler(QuizQueries quizzes, QuizAttempts attempts, QuizMessages messages) : IChatHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["quiz"];

    public string ButtonPrefix => QuizPayloads.Prefix;

    /// <summary>Private chat only: results and balances are personal.</summary>
    public HandlerAccess Access => HandlerAccess.Personal;

    public async Task<ConversationTurn> HandleAsync(ChatContext context, ChatInput input)
    {
        if (input is not ChatInput.Button { Args: var args })
        {
            return List(context);
        }

        return args.Split(':') switch
        {
            ["l"] => List(context),
            ["s", var quizId] => await IntroAsync(context, quizId),
            ["b", var quizId] => Show(context, await attempts.BeginAsync(context.RequiredMember.Id, quizId, context.Actor, context.CancellationToken)),
            ["a", var attemptId, var index, var optionId] when int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var questionIndex) =>
                await AnswerAsync(context, attemptId, questionIndex, optionId),
            _ => context.Notice(context.Texts["Common.StaleButton"]),
        };
    }

    private ConversationTurn List(ChatContext context) =>
        context.Reply(messages.List(context.Texts, quizzes.OpenFor(context.RequiredMember)));

    private async Task<ConversationTurn> IntroAsync(ChatContext context, string quizId)
    {
        var member = context.RequiredMember;
        var quiz = quizzes.Get(quizId);
        if (quiz is null)
        {
            return Show(context, new QuizStep.Unavailable(QuizUnavailable.Unknown, null));
        }

        var attempt = quizzes.AttemptOf(quizId, member.Id);
        if (attempt is { IsFinished: true } || quiz.StatusAt(context.Now) == QuizStatus.Closed)
        {
            // The result, or (for an attempt the closing interrupted) its end; the same path as the start button.
            return Show(context, await attempts.BeginAsync(member.Id, quizId, context.Actor, context.CancellationToken));
        }

        if (quiz.StatusAt(context.Now) == QuizStatus.Scheduled)
        {
            return Show(context, new QuizStep.Unavailable(QuizUnavailable.NotOpenYet, quiz));
        }

        if (attempt is null && !quizzes.IsInAudience(quiz, member))
        {
            return Show(context, new QuizStep.Unavailable(QuizUnavailable.NotInAudience, quiz));
        }

        return context.Reply(messages.Intro(context.Texts, quiz, attempt));
    }

    private async Task<ConversationTurn> AnswerAsync(ChatContext context, string attemptId, int questionIndex, string optionId)
    {
        var texts = context.Texts;
        var outcome = await attempts.AnswerAsync(context.RequiredMember.Id, attemptId, questionIndex, optionId, context.Actor, context.CancellationToken);
        switch (outcome)
        {
            case AnswerOutcome.Recorded recorded:
                var feedback = messages.Feedback(texts, recorded) with { ReplaceMessageId = context.Message.SourceMessageId };
                IReadOnlyList<ChatMessage> next = recorded.Next switch
                {
                    QuizStep.Question question => [messages.Question(texts, question)],
                    QuizStep.Finished finished => messages.Result(texts, finished),
                    _ => [],
                };
                return Turn(context, [feedback, .. next]);
            case AnswerOutcome.AlreadyAnswered:
                return context.Notice(texts["Quizzes.Notice.AlreadyAnswered"]);
            case AnswerOutcome.Ended ended:
                return Turn(context, messages.Result(texts, ended.Result));
            default:
                return context.Notice(texts["Common.StaleButton"]);
        }
    }

    private ConversationTurn Show(ChatContext context, QuizStep step) => step switch
    {
        QuizStep.Question question => context.Reply(messages.Question(context.Texts, question)),
        QuizStep.Finished finished => Turn(context, messages.Result(context.Texts, finished)),
        QuizStep.Unavailable unavailable => context.Reply(messages.Unavailable(context.Texts, unavailable)),
        _ => throw new InvalidOperationException($"Unexpected quiz step {step.GetType().Name}."),
    };

    private static ConversationTurn Turn(ChatContext context, IReadOnlyList<ChatMessage> replies) =>
        new() { Replies = replies, Language = context.Texts.Language };
}
