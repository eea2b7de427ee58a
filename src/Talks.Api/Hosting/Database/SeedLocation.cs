namespace Talks.Api.Hosting.Database;

public static class SeedLocation
{
    /// <summary><c>Seed:Path</c>, or the <c>seed</c> folder copied beside the app at build and publish.</summary>
    public static string Folder(IConfiguration configuration) =>
        configuration["Seed:Path"] ?? Path.Combine(AppContext.BaseDirectory, "seed");
}
