namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Which database CaseWork stores its data in.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: one SQLite file per store under <see cref="DatabaseOptions.DataDirectory"/>.</summary>
    Sqlite,

    /// <summary>Server: one PostgreSQL database, one schema per store.</summary>
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The PostgreSQL connection string (required for <see cref="DatabaseProvider.Postgres"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite files live; relative paths are resolved against the current directory. Default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The absolute SQLite data directory.</summary>
    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory, Directory.GetCurrentDirectory());

    /// <summary>Throws with a message naming the missing key when the configuration cannot work.</summary>
    public void Validate()
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but Database:ConnectionString is empty. Set it, e.g. Database__ConnectionString=\"Host=127.0.0.1;Database=casework;Username=casework;Password=...\".");
        }
    }
}
