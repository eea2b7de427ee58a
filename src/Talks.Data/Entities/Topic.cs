namespace Talks.Data.Entities;

/// <summary>
/// One entry of the shared vocabulary that positions and agreements name, so that "prisoners" means the same thing in
/// every talk. Topics form a tree (<c>security</c> → <c>ceasefire</c> → <c>energy-ceasefire</c>); a topic is never
/// deleted once used, only retired in favour of another, so old links still resolve.
/// </summary>
public sealed class Topic : Entity
{
    public string Label { get; set; } = "";
    public string? Description { get; set; }

    public string? ParentId { get; set; }
    public Topic? Parent { get; set; }

    /// <summary>The matching category of the PA-X peace agreements codebook (its variable name, e.g. <c>Ce</c>), where one exists.</summary>
    public string? PaxCode { get; set; }

    /// <summary>Other words people have used for this topic ("pows" for prisoners); they resolve to it and guide suggestions.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>When the topic was retired; a retired topic takes no new positions or agreements.</summary>
    public DateTime? RetiredAt { get; set; }

    /// <summary>The topic that took over a retired one's positions and agreements.</summary>
    public string? ReplacedById { get; set; }
}
