namespace Talks.Data.Seeding;

/// <summary>A topic a migration adds to databases made before it, as the seed file had it then.</summary>
public sealed record AddedTopic(string Id, string Label, string Description, string? ParentId, string? PaxCode, IReadOnlyList<string> Aliases);

/// <summary>
/// The topics for the PA-X top-level categories, added to <c>seed/topics.json</c> together with the
/// <c>PaxCategoryTopics</c> migration, which inserts them into databases seeded before. Frozen: the migration must
/// insert the same rows whenever it runs, so a later change to the vocabulary goes into a later migration.
/// </summary>
public static class PaxCategoryTopics
{
    public static IReadOnlyList<AddedTopic> All { get; } =
    [
        new("ddr", "Disarmament, demobilisation and reintegration",
            "Fighters handing in their weapons, leaving their units and going back to civilian life, and the programmes that help them.",
            "security", "SsrDdr", ["disarmament", "demobilisation", "demobilization", "reintegration", "decommissioning"]),
        new("armed-forces-reform", "Reform of the armed forces",
            "Changes to the army and other forces after the fighting: merging, reducing or placing them under civilian control.",
            "security", "SsrArm", ["army-reform", "military-reform", "armed-forces", "army-integration"]),
        new("police-reform", "Police reform",
            "Changes to the police: who serves in it, how it is overseen and how it treats the public.",
            "security", null, ["police", "policing"]),
        new("power-sharing", "Power sharing",
            "How the sides share government, territory, wealth and the armed forces between them.",
            null, null, ["sharing-power"]),
        new("political-power-sharing", "Sharing political power",
            "Seats in government, parliament or the civil service set aside for the sides or the groups they speak for.",
            "power-sharing", "Polps", ["unity-government", "national-unity-government", "coalition-government", "government-posts"]),
        new("territorial-power-sharing", "Autonomy and self-government",
            "Power handed to a region: autonomy, federal arrangements, local government.",
            "power-sharing", "Terps", ["autonomy", "federalism", "decentralisation", "decentralization", "self-government", "special-status"]),
        new("wealth-sharing", "Sharing wealth and revenue",
            "How income from oil, minerals, taxes or aid is divided between the centre and the regions or the sides.",
            "power-sharing", "Eps", ["revenue-sharing", "economic-power-sharing", "resource-sharing", "oil-revenue"]),
        new("military-power-sharing", "Sharing military power",
            "Joint command, merged units or quotas of officers that give each side a share of the armed forces.",
            "power-sharing", "Mps", ["joint-command", "merged-forces", "integration-of-forces"]),
        new("political-institutions", "Political institutions",
            "New or changed institutions of government: a transitional or interim authority, a new parliament, its powers.",
            "political", "Pol", ["transitional-government", "interim-government", "transitional-authority", "governance"]),
        new("state-definition", "Nature of the state",
            "What the state is and who it belongs to: self-determination, independence, statehood, symbols.",
            "political", null, ["self-determination", "independence", "statehood"]),
        new("civil-society", "Civil society",
            "A role for civic groups, unions, religious and community leaders in the process or after it.",
            "political", null, ["civic-groups", "ngos", "inclusion"]),
        new("justice-sector-reform", "Justice sector reform",
            "Courts, prosecutors, prisons and the laws they apply, changed so that they can be trusted by all sides.",
            "political", null, ["judicial-reform", "rule-of-law", "judiciary", "courts"]),
        new("human-rights", "Human rights and equality",
            "Rights and freedoms the sides promise to respect, and equal treatment of everyone in the state.",
            null, null, ["rights", "equality", "civil-rights", "fundamental-freedoms"]),
        new("human-rights-framework", "Human rights institutions",
            "Commissions, ombudspersons, monitors and the laws and treaties that uphold rights.",
            "human-rights", "HrFra", ["human-rights-commission", "ombudsman", "ombudsperson", "rights-monitoring"]),
        new("minorities", "Minorities and other groups",
            "Ethnic, national, racial and indigenous groups, and people with disabilities, named for their own protection.",
            "human-rights", null, ["minority-groups", "ethnic-groups", "indigenous-peoples", "national-minorities"]),
        new("women-and-gender", "Women, girls and gender",
            "Women's part in the talks and in what follows, and protection of women and girls from violence.",
            null, "GeWom", ["women", "gender", "women-participation", "gender-equality"]),
        new("land-and-property", "Land, property and environment",
            "Who owns and uses the land, restitution of property, natural surroundings and water.",
            null, null, ["land-reform", "land-rights", "property-rights", "property-restitution", "environment", "water"]),
        new("victims", "Victims",
            "Recognition of the people harmed by the conflict, their rights and a say in the remedies.",
            "accountability", "TjVic", ["victims-rights", "victim-rights", "survivors", "war-victims"]),
        new("truth-commissions", "Truth commissions and dealing with the past",
            "Commissions and other bodies that establish what happened during the conflict.",
            "accountability", "TjMech", ["truth-commission", "truth-telling", "truth-and-justice"]),
        new("reconciliation", "National reconciliation",
            "Steps to heal divisions between communities: dialogue, apologies, memorials.",
            "accountability", "TjNR", ["national-reconciliation", "healing"]),
        new("vetting", "Vetting of officials",
            "Screening office holders, police and soldiers for past abuses before they keep or take a post.",
            "accountability", "TjVet", ["lustration", "screening"]),
    ];
}
