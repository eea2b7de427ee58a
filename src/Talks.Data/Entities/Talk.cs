namespace Talks.Data.Entities;

public sealed class Talk : CitedEntity
{
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public List<Round> Rounds { get; set; } = [];
}
