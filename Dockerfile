# Build with the SDK, run on the slimmer ASP.NET runtime image.
#   docker build -t talks .
#   docker run -p 8080:8080 -v talks-data:/data talks

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Project files and the central package versions first, so the restore layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Talks.Data/Talks.Data.csproj src/Talks.Data/
COPY migrations/Talks.Migrations.Sqlite/Talks.Migrations.Sqlite.csproj migrations/Talks.Migrations.Sqlite/
COPY migrations/Talks.Migrations.Postgres/Talks.Migrations.Postgres.csproj migrations/Talks.Migrations.Postgres/
COPY src/Talks.Api/Talks.Api.csproj src/Talks.Api/
RUN dotnet restore src/Talks.Api

# The seed is copied into the publish output by the API project, so it must be in the build context too.
COPY src/ src/
COPY migrations/ migrations/
COPY seed/ seed/
# No --no-restore: a project reference added later still restores here instead of failing the build.
RUN dotnet publish src/Talks.Api -c Release -o /app


FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# The SQLite file lives outside the app folder so it survives a new image. An empty named volume takes the
# ownership of this directory when first mounted, which is what lets the non-root user create the database in it.
RUN mkdir /data && chown "$APP_UID" /data
VOLUME /data

ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Talks="Data Source=/data/talks.db"
EXPOSE 8080

COPY --from=build /app ./

# $APP_UID is the unprivileged "app" user the .NET images ship with.
USER $APP_UID

# No HEALTHCHECK: the runtime image has no curl or wget. Point the orchestrator's probes at /health/live and /health/ready.
ENTRYPOINT ["dotnet", "Talks.Api.dll"]
