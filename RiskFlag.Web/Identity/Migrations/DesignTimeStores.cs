using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RiskFlag.Web.Identity.Migrations;

// Used only by `dotnet ef migrations add`: it needs each store's engine, not a database.
public sealed class SqliteDesignTimeStore : IDesignTimeDbContextFactory<SqliteIdentityStore>
{
    public SqliteIdentityStore CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIdentityStore>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeStore : IDesignTimeDbContextFactory<PostgresIdentityStore>
{
    public PostgresIdentityStore CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIdentityStore>().UseNpgsql("Host=localhost").Options);
}
