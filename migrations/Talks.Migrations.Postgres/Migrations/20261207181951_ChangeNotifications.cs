using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Every statement that inserts change rows notifies the channel <c>talks_changes</c>. NOTIFY is transactional:
    /// the notification is delivered when the transaction that recorded the changes commits, and never if it rolls
    /// back, so an instance that hears it finds the changes in the table. The payload is empty (one notification per
    /// transaction, since PostgreSQL folds identical ones); listeners read what moved from the table. A trigger rather
    /// than the app's own call, so a change recorded by anything else on the database is heard as well.
    /// </summary>
    public partial class ChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"CREATE FUNCTION ""Changes_Notify""() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('talks_changes', '');
    RETURN NULL;
END $$;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Changes_Notify"" AFTER INSERT ON ""Changes""
    FOR EACH STATEMENT EXECUTE FUNCTION ""Changes_Notify""();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER ""Changes_Notify"" ON ""Changes"";");
            migrationBuilder.Sql(@"DROP FUNCTION ""Changes_Notify""();");
        }
    }
}
