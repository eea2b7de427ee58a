using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talks.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Full-text search over rounds, positions, statements and agreements (SQLite FTS5). SearchDocs holds each
    /// record's searchable text, kept in step by triggers on every insert, update and delete, so search can never
    /// lag a write; SearchText is the FTS5 index over it.
    /// </summary>
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"CREATE TABLE SearchDocs (
    RowId INTEGER NOT NULL CONSTRAINT PK_SearchDocs PRIMARY KEY AUTOINCREMENT,
    Type TEXT NOT NULL,
    RecordId TEXT NOT NULL,
    TalkId TEXT NULL,
    Title TEXT NOT NULL,
    Body TEXT NOT NULL
);");
            migrationBuilder.Sql(@"CREATE UNIQUE INDEX IX_SearchDocs_Type_RecordId ON SearchDocs (Type, RecordId);");
            migrationBuilder.Sql(@"CREATE VIRTUAL TABLE SearchText USING fts5(Title, Body, content='SearchDocs', content_rowid='RowId', tokenize='unicode61 remove_diacritics 2');");
            migrationBuilder.Sql(@"CREATE TRIGGER SearchDocs_Inserted AFTER INSERT ON SearchDocs BEGIN
    INSERT INTO SearchText(rowid, Title, Body) VALUES (new.RowId, new.Title, new.Body);
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER SearchDocs_Deleted AFTER DELETE ON SearchDocs BEGIN
    INSERT INTO SearchText(SearchText, rowid, Title, Body) VALUES ('delete', old.RowId, old.Title, old.Body);
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Rounds_Search_Inserted AFTER INSERT ON Rounds BEGIN
    INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) VALUES ('round', new.Id, new.TalkId, new.City || ' ' || coalesce(new.Venue, ''), coalesce(new.Summary, '') || ' ' || coalesce(new.Outcome, '') || ' ' || coalesce(new.Atmosphere, '') || ' ' || coalesce(new.VenueDescription, ''));
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Rounds_Search_Updated AFTER UPDATE ON Rounds BEGIN
    DELETE FROM SearchDocs WHERE Type = 'round' AND RecordId = old.Id;
    INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) VALUES ('round', new.Id, new.TalkId, new.City || ' ' || coalesce(new.Venue, ''), coalesce(new.Summary, '') || ' ' || coalesce(new.Outcome, '') || ' ' || coalesce(new.Atmosphere, '') || ' ' || coalesce(new.VenueDescription, ''));
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Rounds_Search_Deleted AFTER DELETE ON Rounds BEGIN
    DELETE FROM SearchDocs WHERE Type = 'round' AND RecordId = old.Id;
END;");
            migrationBuilder.Sql(@"INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) SELECT 'round', t.Id, t.TalkId, t.City || ' ' || coalesce(t.Venue, ''), coalesce(t.Summary, '') || ' ' || coalesce(t.Outcome, '') || ' ' || coalesce(t.Atmosphere, '') || ' ' || coalesce(t.VenueDescription, '') FROM Rounds AS t;");
            migrationBuilder.Sql(@"CREATE TRIGGER Positions_Search_Inserted AFTER INSERT ON Positions BEGIN
    INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) VALUES ('position', new.Id, (SELECT TalkId FROM Rounds WHERE Id = new.RoundId), new.Topic, new.Summary || ' ' || coalesce(new.Quote, ''));
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Positions_Search_Updated AFTER UPDATE ON Positions BEGIN
    DELETE FROM SearchDocs WHERE Type = 'position' AND RecordId = old.Id;
    INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) VALUES ('position', new.Id, (SELECT TalkId FROM Rounds WHERE Id = new.RoundId), new.Topic, new.Summary || ' ' || coalesce(new.Quote, ''));
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Positions_Search_Deleted AFTER DELETE ON Positions BEGIN
    DELETE FROM SearchDocs WHERE Type = 'position' AND RecordId = old.Id;
END;");
            migrationBuilder.Sql(@"INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) SELECT 'position', t.Id, (SELECT TalkId FROM Rounds WHERE Id = t.RoundId), t.Topic, t.Summary || ' ' || coalesce(t.Quote, '') FROM Positions AS t;");
            migrationBuilder.Sql(@"CREATE TRIGGER Statements_Search_Inserted AFTER INSERT ON Statements BEGIN
    INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) VALUES ('statement', new.Id, (SELECT TalkId FROM Rounds WHERE Id = new.RoundId), coalesce(new.SpeakerBody, ''), new.Quote || ' ' || coalesce(new.Context, ''));
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Statements_Search_Updated AFTER UPDATE ON Statements BEGIN
    DELETE FROM SearchDocs WHERE Type = 'statement' AND RecordId = old.Id;
    INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) VALUES ('statement', new.Id, (SELECT TalkId FROM Rounds WHERE Id = new.RoundId), coalesce(new.SpeakerBody, ''), new.Quote || ' ' || coalesce(new.Context, ''));
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Statements_Search_Deleted AFTER DELETE ON Statements BEGIN
    DELETE FROM SearchDocs WHERE Type = 'statement' AND RecordId = old.Id;
END;");
            migrationBuilder.Sql(@"INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) SELECT 'statement', t.Id, (SELECT TalkId FROM Rounds WHERE Id = t.RoundId), coalesce(t.SpeakerBody, ''), t.Quote || ' ' || coalesce(t.Context, '') FROM Statements AS t;");
            migrationBuilder.Sql(@"CREATE TRIGGER Agreements_Search_Inserted AFTER INSERT ON Agreements BEGIN
    INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) VALUES ('agreement', new.Id, (SELECT TalkId FROM Rounds WHERE Id = new.RoundId), new.Title, new.Summary || ' ' || coalesce(new.ImplementationDateNote, ''));
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Agreements_Search_Updated AFTER UPDATE ON Agreements BEGIN
    DELETE FROM SearchDocs WHERE Type = 'agreement' AND RecordId = old.Id;
    INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) VALUES ('agreement', new.Id, (SELECT TalkId FROM Rounds WHERE Id = new.RoundId), new.Title, new.Summary || ' ' || coalesce(new.ImplementationDateNote, ''));
END;");
            migrationBuilder.Sql(@"CREATE TRIGGER Agreements_Search_Deleted AFTER DELETE ON Agreements BEGIN
    DELETE FROM SearchDocs WHERE Type = 'agreement' AND RecordId = old.Id;
END;");
            migrationBuilder.Sql(@"INSERT INTO SearchDocs (Type, RecordId, TalkId, Title, Body) SELECT 'agreement', t.Id, (SELECT TalkId FROM Rounds WHERE Id = t.RoundId), t.Title, t.Summary || ' ' || coalesce(t.ImplementationDateNote, '') FROM Agreements AS t;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER SearchDocs_Inserted;");
            migrationBuilder.Sql(@"DROP TRIGGER SearchDocs_Deleted;");
            migrationBuilder.Sql(@"DROP TRIGGER Agreements_Search_Deleted;");
            migrationBuilder.Sql(@"DROP TRIGGER Agreements_Search_Updated;");
            migrationBuilder.Sql(@"DROP TRIGGER Agreements_Search_Inserted;");
            migrationBuilder.Sql(@"DROP TRIGGER Statements_Search_Deleted;");
            migrationBuilder.Sql(@"DROP TRIGGER Statements_Search_Updated;");
            migrationBuilder.Sql(@"DROP TRIGGER Statements_Search_Inserted;");
            migrationBuilder.Sql(@"DROP TRIGGER Positions_Search_Deleted;");
            migrationBuilder.Sql(@"DROP TRIGGER Positions_Search_Updated;");
            migrationBuilder.Sql(@"DROP TRIGGER Positions_Search_Inserted;");
            migrationBuilder.Sql(@"DROP TRIGGER Rounds_Search_Deleted;");
            migrationBuilder.Sql(@"DROP TRIGGER Rounds_Search_Updated;");
            migrationBuilder.Sql(@"DROP TRIGGER Rounds_Search_Inserted;");
            migrationBuilder.Sql(@"DROP TABLE SearchText;");
            migrationBuilder.Sql(@"DROP TABLE SearchDocs;");
        }
    }
}
