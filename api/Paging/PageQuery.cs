using LoyaltyBot.Core.Results;

namespace LoyaltyBot.Api.Paging;

/// <summary>Checks <c>page</c> (from 1) and <c>pageSize</c> (1–200, default 50) query values.</summary>
public static class PageQuery
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static DomainError? Check(int? page, int? pageSize, out int checkedPage, out int checkedSize)
    {
        checkedPage = page ?? 1;
        checkedSize = pageSize ?? DefaultSize;
        if (checkedPage < 1 || checkedPage > 1_000_000)
        {
            return DomainError.Invalid("page", Validate.OutOfRange, "'page' must be between 1 and 1,000,000.");
        }

        if (checkedSize is < 1 or > MaxSize)
        {
            return DomainError.Invalid("pageSize", Validate.OutOfRange, $"'pageSize' must be between 1 and {MaxSize}.");
        }

        return null;
    }
}
