namespace LoyaltyBot.Core.Storage;

/// <summary>Gives access to the document sets. Reads never wait for the writer.</summary>
public interface IDocumentStore
{
    IDocumentSet<T> Set<T>() where T : class;
}
