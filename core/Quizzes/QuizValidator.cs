using System.Security.Cryptography;
using LoyaltyBot.Core.Earning;
using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Core.Quizzes;

/// <summary>
/// Turns a <see cref="QuizDraft"/> into a quiz or the first problem found, naming the field the way the JSON
/// spells it (<c>questions[3].options</c>, <c>title.ru</c>). Shared by every front end that authors quizzes.
/// </summary>
public sealed class QuizValidator(TierLadder tiers)
{
    public const int MaxQuestions = 50;
    public const int MinOptions = 2;
    public const int MaxOptions = 6;
    public const int TitleMaxLength = 200;
    public const int IntroMaxLength = 2000;
    public const int QuestionMaxLength = 500;
    public const int OptionMaxLength = 100;
    public const int ExplanationMaxLength = 1000;
    public const int RegionMaxLength = 100;
    public const decimal MaxPoints = 1_000_000m;
    public const int MinTimeLimitSeconds = 5;
    public const int MaxTimeLimitSeconds = 3600;

    /// <summary>Option ids: short, opaque, unambiguous; what an answer button carries.</summary>
    private const string OptionIdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int OptionIdLength = 3;

    private static readonly DateTimeOffset EarliestDate = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestDate = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The quiz the draft describes (with an empty <see cref="Quiz.Id"/> and fresh option ids), or the first problem.</summary>
    public Result<Quiz> Check(QuizDraft? draft)
    {
        if (draft is null)
        {
            return DomainError.Invalid("body", Validate.MissingField, "A quiz is required.");
        }

        LocalizedText? intro = null;
        List<QuizQuestion> questions = [];
        QuizScoring? scoring = null;
        DateTimeOffset opensAt = default, closesAt = default;
        QuizAudience? audience = null;
        var error = Localized("title", draft.Title, TitleMaxLength, multiline: false, out var title);
        error ??= OptionalLocalized("intro", draft.Intro, IntroMaxLength, out intro);
        error ??= Questions(draft.Questions, out questions);
        error ??= Scoring(draft.Scoring, out scoring);
        error ??= Dates(draft.OpensAt, draft.ClosesAt, out opensAt, out closesAt);
        error ??= TimeLimit(draft.TimeLimitSeconds);
        error ??= Audience(draft.Audience, out audience);
        if (error is not null)
        {
            return error;
        }

        return new Quiz
        {
            Id = string.Empty,
            Title = title!,
            Intro = intro,
            Questions = questions,
            Scoring = scoring!,
            OpensAt = opensAt,
            ClosesAt = closesAt,
            TimeLimitSeconds = draft.TimeLimitSeconds,
            ShowExplanations = draft.ShowExplanations ?? ExplanationTiming.AfterEach,
            Audience = audience!,
        };
    }

    /// <summary>UTC, whole milliseconds: what the store keeps, so a stored time compares equal to the one sent again.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset moment) =>
        new(moment.UtcTicks - (moment.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static DomainError? Questions(IReadOnlyList<QuestionDraft?>? drafts, out List<QuizQuestion> questions)
    {
        questions = [];
        if (drafts is null)
        {
            return DomainError.Invalid("questions", Validate.MissingField, "'questions' is required.");
        }

        if (drafts.Count is 0 or > MaxQuestions)
        {
            return DomainError.Invalid("questions", Validate.OutOfRange, $"'questions' must hold between 1 and {MaxQuestions} questions.");
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var error = Question($"questions[{i}]", drafts[i], out var question);
            if (error is not null)
            {
                return error;
            }

            questions.Add(question!);
        }

        return null;
    }

    private static DomainError? Question(string field, QuestionDraft? draft, out QuizQuestion? question)
    {
        question = null;
        if (draft is null)
        {
            return DomainError.Invalid(field, Validate.MissingField, $"'{field}' is null.");
        }

        LocalizedText? explanation = null;
        var error = Localized($"{field}.text", draft.Text, QuestionMaxLength, multiline: true, out var text);
        error ??= OptionalLocalized($"{field}.explanation", draft.Explanation, ExplanationMaxLength, out explanation);
        if (error is not null)
        {
            return error;
        }

        var optionsField = $"{field}.options";
        if (draft.Options is null)
        {
            return DomainError.Invalid(optionsField, Validate.MissingField, $"'{optionsField}' is required.");
        }

        if (draft.Options.Count is < MinOptions or > MaxOptions)
        {
            return DomainError.Invalid(optionsField, Validate.OutOfRange, $"'{optionsField}' must hold between {MinOptions} and {MaxOptions} options.");
        }

        var ids = NewOptionIds(draft.Options.Count);
        var options = new List<QuizOption>(draft.Options.Count);
        for (var j = 0; j < draft.Options.Count; j++)
        {
            var optionField = $"{optionsField}[{j}]";
            if (draft.Options[j] is not { } option)
            {
                return DomainError.Invalid(optionField, Validate.MissingField, $"'{optionField}' is null.");
            }

            error = Localized($"{optionField}.text", option.Text, OptionMaxLength, multiline: false, out var optionText);
            if (error is not null)
            {
                return error;
            }

            if (options.Any(o => string.Equals(o.Text.Ru, optionText!.Ru, StringComparison.OrdinalIgnoreCase)))
            {
                return DomainError.Invalid($"{optionField}.text.ru", Validate.InvalidValue, $"'{optionField}' repeats an earlier option of the question.");
            }

            options.Add(new QuizOption { Id = ids[j], Text = optionText!, IsCorrect = option.Correct == true });
        }

        var correct = options.Count(o => o.IsCorrect);
        if (correct != 1)
        {
            return DomainError.Invalid(optionsField, Validate.InvalidValue, $"Exactly one option of '{field}' must be correct; {correct} are.");
        }

        question = new QuizQuestion { Text = text!, Options = options, Explanation = explanation };
        return null;
    }

    private static DomainError? Scoring(ScoringDraft? draft, out QuizScoring? scoring)
    {
        scoring = null;
        if (draft is null)
        {
            return DomainError.Invalid("scoring", Validate.MissingField, "'scoring' is required.");
        }

        var perCorrect = draft.PointsPerCorrect ?? 0m;
        var bonus = draft.CompletionBonus ?? 0m;
        var error = Amount("scoring.pointsPerCorrect", perCorrect) ?? Amount("scoring.completionBonus", bonus);
        if (error is not null)
        {
            return error;
        }

        if (draft.PassThresholdPercent is < 1 or > 100)
        {
            return DomainError.Invalid("scoring.passThresholdPercent", Validate.OutOfRange, "'scoring.passThresholdPercent' must be between 1 and 100.");
        }

        if (perCorrect == 0 && bonus == 0)
        {
            return DomainError.Invalid("scoring", Validate.InvalidValue, "A quiz must be worth points: set 'pointsPerCorrect' and/or 'completionBonus'.");
        }

        scoring = new QuizScoring
        {
            PointsPerCorrect = Ledger.Points.Normalize(perCorrect),
            PassThresholdPercent = draft.PassThresholdPercent,
            CompletionBonus = Ledger.Points.Normalize(bonus),
        };
        return null;
    }

    private static DomainError? Amount(string field, decimal value)
    {
        if (value < 0 || value > MaxPoints)
        {
            return DomainError.Invalid(field, Validate.OutOfRange, $"'{field}' must be between 0 and {MaxPoints:N0}.");
        }

        return decimal.Round(value, 2) != value
            ? DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' may have at most two decimals.")
            : null;
    }

    private static DomainError? Dates(DateTimeOffset? opens, DateTimeOffset? closes, out DateTimeOffset opensAt, out DateTimeOffset closesAt)
    {
        opensAt = closesAt = default;
        if (opens is null)
        {
            return DomainError.Invalid("opensAt", Validate.MissingField, "'opensAt' is required.");
        }

        if (closes is null)
        {
            return DomainError.Invalid("closesAt", Validate.MissingField, "'closesAt' is required.");
        }

        if (opens < EarliestDate || opens >= LatestDate)
        {
            return DomainError.Invalid("opensAt", Validate.OutOfRange, "'opensAt' must be between 2000 and 2100.");
        }

        if (closes < EarliestDate || closes >= LatestDate)
        {
            return DomainError.Invalid("closesAt", Validate.OutOfRange, "'closesAt' must be between 2000 and 2100.");
        }

        opensAt = Normalize(opens.Value);
        closesAt = Normalize(closes.Value);
        return closesAt <= opensAt
            ? DomainError.Invalid("closesAt", Validate.OutOfRange, "'closesAt' must be after 'opensAt'.")
            : null;
    }

    private static DomainError? TimeLimit(int? seconds) =>
        seconds is < MinTimeLimitSeconds or > MaxTimeLimitSeconds
            ? DomainError.Invalid("timeLimitSeconds", Validate.OutOfRange, $"'timeLimitSeconds' must be between {MinTimeLimitSeconds} and {MaxTimeLimitSeconds}, or omitted for no limit.")
            : null;

    private DomainError? Audience(AudienceDraft? draft, out QuizAudience? audience)
    {
        audience = null;
        var tierNames = new List<string>();
        for (var k = 0; k < (draft?.Tiers?.Count ?? 0); k++)
        {
            var field = $"audience.tiers[{k}]";
            if (tiers.Normalize(draft!.Tiers![k]?.Trim()) is not { } tier)
            {
                return DomainError.Invalid(field, Validate.InvalidValue, $"'{field}' must be one of {string.Join(", ", tiers.Tiers.Select(t => t.Name))}.");
            }

            if (!tierNames.Contains(tier))
            {
                tierNames.Add(tier);
            }
        }

        var regions = new List<string>();
        for (var k = 0; k < (draft?.Regions?.Count ?? 0); k++)
        {
            var error = Validate.Text($"audience.regions[{k}]", draft!.Regions![k], RegionMaxLength, out var region);
            if (error is not null)
            {
                return error;
            }

            if (!regions.Contains(region, StringComparer.OrdinalIgnoreCase))
            {
                regions.Add(region);
            }
        }

        audience = new QuizAudience { Tiers = tierNames, Regions = regions };
        return null;
    }

    private static DomainError? OptionalLocalized(string field, LocalizedDraft? draft, int maxLength, out LocalizedText? text)
    {
        text = null;
        return draft is null ? null : Localized(field, draft, maxLength, multiline: true, out text);
    }

    /// <summary>Russian required; Ukrainian and English optional (blank = fall back to Russian).</summary>
    private static DomainError? Localized(string field, LocalizedDraft? draft, int maxLength, bool multiline, out LocalizedText? text)
    {
        text = null;
        if (draft is null)
        {
            return DomainError.Invalid(field, Validate.MissingField, $"'{field}' is required (at least 'ru').");
        }

        var error = Line($"{field}.ru", draft.Ru, maxLength, multiline, out var ru);
        if (error is not null)
        {
            return error;
        }

        if (ru.Length == 0)
        {
            return DomainError.Invalid($"{field}.ru", Validate.MissingField, $"'{field}.ru' is required.");
        }

        var en = string.Empty;
        error = Line($"{field}.uk", draft.Uk, maxLength, multiline, out var uk);
        error ??= Line($"{field}.en", draft.En, maxLength, multiline, out en);
        if (error is not null)
        {
            return error;
        }

        text = new LocalizedText { Ru = ru, Uk = uk.Length == 0 ? null : uk, En = en.Length == 0 ? null : en };
        return null;
    }

    /// <summary>An optional trimmed text; line breaks are allowed where <paramref name="multiline"/>, other control characters never.</summary>
    private static DomainError? Line(string field, string? value, int maxLength, bool multiline, out string trimmed)
    {
        var normalized = value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? string.Empty;
        var error = Validate.OptionalText(field, multiline ? normalized.Replace('\n', ' ') : normalized, maxLength, out var visible);
        trimmed = error is null && visible.Length > 0 ? normalized : string.Empty;
        return error;
    }

    private static string[] NewOptionIds(int count)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < count)
        {
            ids.Add(RandomNumberGenerator.GetString(OptionIdAlphabet, OptionIdLength));
        }

        return ids.ToArray();
    }
}
