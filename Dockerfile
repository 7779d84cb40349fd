# syntax=docker/dockerfile:1
# Build: docker build -t loyaltybot .
# Run:   docker run -p 8080:8080 -v loyaltybot-data:/data -e Auth__AdminKey=change-me loyaltybot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props LoyaltyBot.sln ./
COPY core/LoyaltyBot.Core.csproj core/
COPY bot/LoyaltyBot.Bot.csproj bot/
COPY api/LoyaltyBot.Api.csproj api/
RUN dotnet restore api/LoyaltyBot.Api.csproj
COPY core/ core/
COPY bot/ bot/
COPY api/ api/
RUN dotnet publish api/LoyaltyBot.Api.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
# curl only for the HEALTHCHECK below.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app .
ENV URLS=http://+:8080 \
    Storage__Path=/data/loyalty.db
VOLUME ["/data"]
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "LoyaltyBot.Api.dll"]
