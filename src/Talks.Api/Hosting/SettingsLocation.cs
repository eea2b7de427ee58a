using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Talks.Api.Hosting;

public static class SettingsLocation
{
    /// <summary>
    /// Reads appsettings*.json from the app's own folder when the working directory (the content root) has none: a
    /// published app started from elsewhere would otherwise run without them, logging every request and SQL command.
    /// The files keep their place among the configuration sources, so environment variables and the command line
    /// still override them.
    /// </summary>
    public static WebApplicationBuilder ReadSettingsBesideTheApp(this WebApplicationBuilder builder)
    {
        var appFolder = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json"))
            || !File.Exists(Path.Combine(appFolder, "appsettings.json")))
        {
            return builder;
        }

        string[] names = ["appsettings.json", $"appsettings.{builder.Environment.EnvironmentName}.json"];
        IConfigurationBuilder configuration = builder.Configuration;
        for (var i = 0; i < configuration.Sources.Count; i++)
        {
            if (configuration.Sources[i] is JsonConfigurationSource { Path: { } path } json && names.Contains(path))
            {
                configuration.Sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = json.ReloadOnChange,
                    FileProvider = new PhysicalFileProvider(appFolder),
                };
            }
        }

        return builder;
    }
}
