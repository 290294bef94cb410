namespace RiskFlag.Core.Schema;

/// <summary>
/// Where the site and the training CLI find the PostgreSQL database a fleet shares: <see cref="Key"/>, then the key
/// earlier versions read (<see cref="EarlierKey"/>), so an upgraded instance keeps its shared database instead of
/// quietly falling back to files of its own.
/// </summary>
public static class SharedDatabaseSetting
{
    public const string Key = "ConnectionStrings:RiskFlag";

    public const string EarlierKey = "Decisions:PostgresConnectionString";

    /// <param name="setting">A configuration key's value (":" separated), or null.</param>
    /// <returns>The connection string (null when neither key is set) and whether it came from the earlier key.</returns>
    public static (string? ConnectionString, bool FromEarlierKey) Read(Func<string, string?> setting)
    {
        if (setting(Key) is { } configured && !string.IsNullOrWhiteSpace(configured))
        {
            return (configured, false);
        }

        return setting(EarlierKey) is { } earlier && !string.IsNullOrWhiteSpace(earlier) ? (earlier, true) : (null, false);
    }
}
