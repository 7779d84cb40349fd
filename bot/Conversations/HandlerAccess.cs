namespace LoyaltyBot.Bot.Conversations;

/// <summary>Who may use a handler; the engine enforces it before the handler runs.</summary>
public enum HandlerAccess
{
    /// <summary>Anyone, linked or not, in any chat.</summary>
    Anyone,

    /// <summary>A linked, active member, in any chat.</summary>
    Member,

    /// <summary>A linked, active member in a private chat: personal data.</summary>
    Personal,

    /// <summary>A linked, active member with the manager role, in a private chat.</summary>
    Manager,
}
