using LoyaltyBot.Core.Chat;
using LoyaltyBot.Core.Localization;
using LoyaltyBot.Core.Quizzes;

namespace LoyaltyBot.Bot.Quizzes;

/// <summary>The quiz flow's messages, in the reader's language; quiz texts fall back to Russian where not translated.</summary>
public sealed class QuizMessages(TimeProvider time)
{
    /// <summary>Below Telegram's 4,096 characters, with room for markup.</summary>
    private const int MaxMessageLength = 3500;
    private const int MaxButtonTitleLength = 40;

    public ChatMessage List(Texts texts, IReadOnlyList<QuizOffer> offers)
    {
        if (offers.Count == 0)
        {
            return new ChatMessage { Text = RichText.Escape(texts["Quizzes.List.Empty"]), Buttons = [[Menu(texts)]] };
        }

        var now = time.GetUtcNow();
        var lines = new List<RichText> { texts.Rich("Quizzes.List.Title"), RichText.Empty };
        var buttons = new List<IReadOnlyList<ChatButton>>();
        foreach (var (quiz, attempt) in offers)
        {
            var title = quiz.Title.In(texts.Language);
            var closes = texts.In(quiz.ClosesAt, now);
            if (attempt is null)
            {
                lines.Add(texts.Rich("Quizzes.List.Item", title, Questions(texts, quiz), MaxPoints(texts, quiz), closes));
                buttons.Add([ChatButton.Choice(texts.Format("Quizzes.Button.Open", Short(title)), QuizPayloads.Intro(quiz.Id))]);
            }
            else
            {
                lines.Add(texts.Rich("Quizzes.List.ItemStarted", title, attempt.NextIndex, quiz.Questions.Count, closes));
                buttons.Add([ChatButton.Choice(texts.Format("Quizzes.Button.Continue", Short(title)), QuizPayloads.Begin(quiz.Id))]);
            }
        }

        buttons.Add([Menu(texts)]);
        return new ChatMessage { Text = RichText.Lines(lines), Buttons = buttons };
    }

    public ChatMessage Intro(Texts texts, Quiz quiz, QuizAttempt? attempt)
    {
        var lines = new List<RichText> { texts.Rich("Quizzes.Intro.Title", quiz.Title.In(texts.Language)) };
        if (quiz.Intro is { } intro)
        {
            lines.Add(RichText.Escape(intro.In(texts.Language)));
        }

        lines.Add(RichText.Empty);
        lines.Add(texts.Rich("Quizzes.Intro.Facts", Questions(texts, quiz), MaxPoints(texts, quiz)));
        var scoring = quiz.Scoring;
        if (scoring.PassThresholdPercent is { } threshold)
        {
            lines.Add(scoring.CompletionBonus > 0
                ? texts.Rich("Quizzes.Intro.PassWithBonus", threshold, texts.Points(scoring.CompletionBonus))
                : texts.Rich("Quizzes.Intro.Pass", threshold));
        }
        else if (scoring.CompletionBonus > 0)
        {
            lines.Add(texts.Rich("Quizzes.Intro.Bonus", texts.Points(scoring.CompletionBonus)));
        }

        if (quiz.TimeLimitSeconds is { } limit)
        {
            lines.Add(texts.Rich("Quizzes.Intro.TimeLimit", Seconds(texts, limit)));
        }

        lines.Add(texts.Rich(quiz.ShowExplanations == ExplanationTiming.AtEnd ? "Quizzes.Intro.AtEnd" : "Quizzes.Intro.AfterEach"));
        lines.Add(texts.Rich("Quizzes.Intro.Closes", texts.In(quiz.ClosesAt, time.GetUtcNow())));
        var start = texts["Quizzes.Button.Begin"];
        if (attempt is not null)
        {
            lines.Add(RichText.Empty);
            lines.Add(texts.Rich("Quizzes.Intro.Started", attempt.NextIndex, quiz.Questions.Count));
            start = texts["Quizzes.Button.Resume"];
        }

        return new ChatMessage
        {
            Text = RichText.Lines(lines),
            Buttons = [[ChatButton.Choice(start, QuizPayloads.Begin(quiz.Id))], [AllQuizzes(texts)]],
        };
    }

    /// <summary>One question with a button per option; the buttons name the option, not whether it is right.</summary>
    public ChatMessage Question(Texts texts, QuizStep.Question step)
    {
        var (quiz, attempt, index) = step;
        var lines = new List<RichText> { RichText.Italic(quiz.Title.In(texts.Language)) };
        lines.AddRange(QuestionLines(texts, quiz, index));
        if (quiz.TimeLimitSeconds is { } limit)
        {
            lines.Add(RichText.Empty);
            lines.Add(texts.Rich("Quizzes.Question.TimeLimit", Seconds(texts, limit)));
        }

        return new ChatMessage
        {
            Text = RichText.Lines(lines),
            Buttons = quiz.Questions[index].Options
                .Select(o => (IReadOnlyList<ChatButton>)[ChatButton.Choice(o.Text.In(texts.Language), QuizPayloads.Answer(attempt.Id, index, o.Id))])
                .ToArray(),
        };
    }

    /// <summary>The answered question: right or wrong with the explanation, or just "recorded" when those come at the end.</summary>
    public ChatMessage Feedback(Texts texts, AnswerOutcome.Recorded recorded)
    {
        var (quiz, _, answer, next) = recorded;
        var question = quiz.Questions[answer.QuestionIndex];
        var lines = QuestionLines(texts, quiz, answer.QuestionIndex);
        lines.Add(RichText.Empty);
        lines.Add(texts.Rich("Quizzes.Answer.Yours", OptionText(texts, question, answer.OptionId)));
        if (quiz.ShowExplanations == ExplanationTiming.AtEnd)
        {
            lines.Add(texts.Rich(answer.IsLate ? "Quizzes.Answer.RecordedLate" : "Quizzes.Answer.Recorded"));
            return new ChatMessage { Text = RichText.Lines(lines) };
        }

        var correct = question.Correct.Text.In(texts.Language);
        lines.Add(answer.IsLate
            ? texts.Rich("Quizzes.Answer.Late", correct)
            : answer.IsCorrect ? texts.Rich("Quizzes.Answer.Right") : texts.Rich("Quizzes.Answer.Wrong", correct));
        if (question.Explanation is { } explanation)
        {
            lines.Add(texts.Rich("Quizzes.Explanation", explanation.In(texts.Language)));
        }

        return new ChatMessage
        {
            Text = RichText.Lines(lines),
            Buttons = next is null ? [[ChatButton.Choice(texts["Quizzes.Button.Next"], QuizPayloads.Begin(quiz.Id))]] : [],
        };
    }

    /// <summary>The review of every answer (when explanations come at the end), then the score, the points and the balance.</summary>
    public IReadOnlyList<ChatMessage> Result(Texts texts, QuizStep.Finished result)
    {
        var messages = result.Quiz.ShowExplanations == ExplanationTiming.AtEnd ? Review(texts, result) : [];
        return [.. messages, Summary(texts, result, [[AllQuizzes(texts), Menu(texts)]])];
    }

    public ChatMessage Unavailable(Texts texts, QuizStep.Unavailable unavailable)
    {
        var title = unavailable.Quiz?.Title.In(texts.Language) ?? string.Empty;
        var text = unavailable.Reason switch
        {
            QuizUnavailable.NotOpenYet => texts.Rich("Quizzes.Unavailable.NotOpenYet", title, texts.In(unavailable.Quiz!.OpensAt, time.GetUtcNow())),
            QuizUnavailable.Closed => texts.Rich("Quizzes.Unavailable.Closed", title),
            QuizUnavailable.NotInAudience => texts.Rich("Quizzes.Unavailable.NotInAudience", title),
            _ => texts.Rich("Quizzes.Unavailable.Unknown"),
        };
        return new ChatMessage { Text = text, Buttons = [[AllQuizzes(texts)]] };
    }

    /// <summary>Sent through the outbox when a quiz opens: what it is and a start button.</summary>
    public ChatMessage Announcement(Quiz quiz, Texts texts) => new()
    {
        Text = texts.Rich(
            "Quizzes.Announcement",
            quiz.Title.In(texts.Language),
            Questions(texts, quiz),
            MaxPoints(texts, quiz),
            texts.In(quiz.ClosesAt, time.GetUtcNow())),
        Buttons = [[ChatButton.Choice(texts["Quizzes.Button.Begin"], QuizPayloads.Intro(quiz.Id))]],
    };

    /// <summary>Sent through the outbox to a member whose attempt the quiz's closing ended.</summary>
    public ChatMessage Settled(QuizStep.Finished result, Texts texts) =>
        Summary(texts, result, result.Quiz.ShowExplanations == ExplanationTiming.AtEnd
            ? [[ChatButton.Choice(texts["Quizzes.Button.Details"], QuizPayloads.Begin(result.Quiz.Id))], [AllQuizzes(texts)]]
            : [[AllQuizzes(texts)]]);

    private ChatMessage Summary(Texts texts, QuizStep.Finished result, IReadOnlyList<IReadOnlyList<ChatButton>> buttons)
    {
        var (quiz, attempt, balance, _) = result;
        var lines = new List<RichText> { texts.Rich("Quizzes.Result.Title", quiz.Title.In(texts.Language)) };
        if (attempt.End == AttemptEnd.Closed)
        {
            lines.Add(texts.Rich("Quizzes.Result.Closed"));
        }

        lines.Add(texts.Rich("Quizzes.Result.Score", attempt.Correct, quiz.Questions.Count, texts.Number(attempt.ScorePercent)));
        if (quiz.Scoring.PassThresholdPercent is { } threshold)
        {
            lines.Add(texts.Rich(attempt.Passed ? "Quizzes.Result.Passed" : "Quizzes.Result.NotPassed", threshold));
        }

        lines.Add(attempt.PointsAwarded > 0
            ? texts.Rich("Quizzes.Result.Points", texts.Points(attempt.PointsAwarded))
            : texts.Rich("Quizzes.Result.NoPoints"));
        lines.Add(texts.Rich("Quizzes.Result.Balance", texts.Points(balance)));
        return new ChatMessage { Text = RichText.Lines(lines), Buttons = buttons };
    }

    private static List<ChatMessage> Review(Texts texts, QuizStep.Finished result)
    {
        var (quiz, attempt, _, _) = result;
        var messages = new List<ChatMessage>();
        var current = new List<RichText> { texts.Rich("Quizzes.Review.Title") };
        var length = current[0].Html.Length;
        for (var i = 0; i < quiz.Questions.Count; i++)
        {
            var block = ReviewBlock(texts, quiz.Questions[i], i, attempt.Answers.FirstOrDefault(a => a.QuestionIndex == i));
            var blockLength = block.Sum(l => l.Html.Length + 1);
            if (length + blockLength > MaxMessageLength && current.Count > 0)
            {
                messages.Add(new ChatMessage { Text = RichText.Lines(current) });
                current = [];
                length = 0;
            }

            current.AddRange(block);
            length += blockLength;
        }

        messages.Add(new ChatMessage { Text = RichText.Lines(current) });
        return messages;
    }

    private static List<RichText> ReviewBlock(Texts texts, QuizQuestion question, int index, QuizAnswer? answer)
    {
        var mark = answer is null ? "—" : answer.Scores ? "✅" : answer.IsLate ? "⌛" : "❌";
        var block = new List<RichText> { RichText.Empty, texts.Rich("Quizzes.Review.Item", index + 1, mark, question.Text.In(texts.Language)) };
        if (answer is null)
        {
            block.Add(texts.Rich("Quizzes.Review.NoAnswer"));
        }
        else
        {
            var yours = texts.Rich("Quizzes.Answer.Yours", OptionText(texts, question, answer.OptionId));
            block.Add(answer.IsLate ? yours + RichText.Escape($" ({texts["Quizzes.Review.Late"]})") : yours);
        }

        if (answer is not { Scores: true })
        {
            block.Add(texts.Rich("Quizzes.Review.Right", question.Correct.Text.In(texts.Language)));
        }

        if (question.Explanation is { } explanation)
        {
            block.Add(texts.Rich("Quizzes.Explanation", explanation.In(texts.Language)));
        }

        return block;
    }

    private static List<RichText> QuestionLines(Texts texts, Quiz quiz, int index) =>
    [
        texts.Rich("Quizzes.Question.Header", index + 1, quiz.Questions.Count),
        RichText.Escape(quiz.Questions[index].Text.In(texts.Language)),
    ];

    private static string OptionText(Texts texts, QuizQuestion question, string optionId) =>
        question.Options.FirstOrDefault(o => o.Id == optionId)?.Text.In(texts.Language) ?? optionId;

    private static string Questions(Texts texts, Quiz quiz) => texts.Quantity("Quizzes.Questions", quiz.Questions.Count);

    private static string Seconds(Texts texts, int seconds) => texts.Quantity("Quizzes.Seconds", seconds);

    private static string MaxPoints(Texts texts, Quiz quiz) => texts.Points(quiz.Scoring.MaxPoints(quiz.Questions.Count));

    private static ChatButton Menu(Texts texts) => ChatButton.Choice(texts["Common.Menu"], "menu");

    private static ChatButton AllQuizzes(Texts texts) => ChatButton.Choice(texts["Quizzes.Button.List"], QuizPayloads.List);

    /// <summary>Button labels stay short; a title is cut on a character boundary.</summary>
    private static string Short(string title)
    {
        if (title.Length <= MaxButtonTitleLength)
        {
            return title;
        }

        var cut = char.IsHighSurrogate(title[MaxButtonTitleLength - 2]) ? MaxButtonTitleLength - 2 : MaxButtonTitleLength - 1;
        return title[..cut] + "…";
    }
}
