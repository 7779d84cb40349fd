namespace LoyaltyBot.Bench;

/// <summary>Process exit codes shared by all subcommands.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Errors = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;
}
