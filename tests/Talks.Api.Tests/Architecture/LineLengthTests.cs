using System.Globalization;

namespace Talks.Api.Tests.Architecture;

/// <summary>
/// .editorconfig states the longest line C# may have, but neither the build nor <c>dotnet format</c> checks it, so this
/// test does: every hand-written line, wherever it is, within the length stated there. Generated code (EF Core
/// migrations and compiled models) is left as the tools write it.
/// </summary>
public class LineLengthTests
{
    private static readonly string[] Folders = ["src", "tests", "bench", "migrations"];

    /// <summary>Build output, and the folders the EF Core tools write.</summary>
    private static readonly string[] SkippedFolders = ["bin", "obj", "Migrations", "CompiledModels", "CompiledModel"];

    [Fact]
    public void NoLineOfHandWrittenCodeIsLongerThanEditorConfigStates()
    {
        var root = RepositoryRoot();
        var limit = MaxLineLength(Path.Combine(root, ".editorconfig"));

        var tooLong = (
            from folder in Folders
            from file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
            let path = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/')
            where !path.Split('/')[..^1].Any(SkippedFolders.Contains)
            from line in File.ReadLines(file).Select((text, index) => (Text: text, Number: index + 1))
            where line.Text.Length > limit
            select $"{path}:{line.Number} ({line.Text.Length})").ToList();

        Assert.True(tooLong.Count == 0, $"Lines longer than the {limit} characters .editorconfig states:\n{string.Join('\n', tooLong)}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Talks.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Talks.sln.");
    }

    /// <summary>The <c>max_line_length</c> of the <c>[*.{cs,csx}]</c> section.</summary>
    private static int MaxLineLength(string editorConfig)
    {
        var section = "";
        foreach (var line in File.ReadLines(editorConfig).Select(l => l.Trim()))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line;
            }
            else if (section == "[*.{cs,csx}]" && line.Split('=', 2) is [var key, var value] && key.Trim() == "max_line_length")
            {
                return int.Parse(value.Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{editorConfig} states no max_line_length for [*.{{cs,csx}}].");
    }
}
