namespace Talks.Data;

/// <summary>Who is making the changes being saved; the API answers with the caller's key name.</summary>
public interface IChangeActor
{
    string Name { get; }
}
