package main

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

// A database file shaped as FerretDB's SQLite backend writes it: its collection list and one table per
// collection, with FerretDB's own _id index.
func ferretLikeDB(t *testing.T, dir, name string, tables ...string) *sql.DB {
	t.Helper()
	uri := (&url.URL{Scheme: "file", OmitHost: true, Path: filepath.Join(dir, name+".sqlite")}).String()
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	exec(t, db, `CREATE TABLE IF NOT EXISTS _ferretdb_collections (name TEXT, table_name TEXT, settings TEXT)`)
	for _, table := range tables {
		exec(t, db, `CREATE TABLE "`+table+`" (_ferretdb_sjson TEXT)`)
		exec(t, db, `CREATE UNIQUE INDEX "`+table+`__id_" ON "`+table+`" (_ferretdb_sjson->"_id")`)
		exec(t, db, `INSERT INTO _ferretdb_collections (name, table_name, settings) VALUES (?, ?, '{}')`, table, table)
	}
	return db
}

func exec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// plan is SQLite's query plan for the lookup FerretDB sends for {_id: <string>}.
func plan(t *testing.T, db *sql.DB, table string) string {
	t.Helper()
	// EXPLAIN does not notice a schema another connection changed; a read of the schema does.
	exec(t, db, `SELECT count(*) FROM sqlite_master`)
	rows, err := db.Query(`EXPLAIN QUERY PLAN SELECT _ferretdb_sjson FROM "`+table+`" WHERE _ferretdb_sjson->'$._id' = ?`, `"x"`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		out = append(out, detail)
	}
	return strings.Join(out, "; ")
}

func TestLookupsByIDUseAnIndexOnceTheKeeperRan(t *testing.T) {
	dir := t.TempDir()
	db := ferretLikeDB(t, dir, "orders", "repair_orders_1a2b", "claims_3c4d")
	if p := plan(t, db, "repair_orders_1a2b"); !strings.Contains(p, "SCAN") {
		t.Fatalf("expected FerretDB's own index to leave the lookup a table scan, got %q", p)
	}

	k := newIDIndexKeeper(dir, slog.New(slog.NewTextHandler(io.Discard, nil)))
	defer k.closeAll()
	k.round(context.Background())
	for _, table := range []string{"repair_orders_1a2b", "claims_3c4d"} {
		if p := plan(t, db, table); !strings.Contains(p, "USING INDEX "+table+idIndexSuffix) {
			t.Fatalf("%s: lookup by _id does not use the index: %q", table, p)
		}
	}

	// A collection created later gets its index in the next round.
	exec(t, db, `CREATE TABLE "surveys_5e6f" (_ferretdb_sjson TEXT)`)
	exec(t, db, `INSERT INTO _ferretdb_collections (name, table_name, settings) VALUES ('surveys', 'surveys_5e6f', '{}')`)
	k.round(context.Background())
	if p := plan(t, db, "surveys_5e6f"); !strings.Contains(p, "USING INDEX surveys_5e6f"+idIndexSuffix) {
		t.Fatalf("new collection: lookup by _id does not use the index: %q", p)
	}
}

func TestFilesThatAreNotFerretDBDatabasesAreLeftAlone(t *testing.T) {
	dir := t.TempDir()
	uri := (&url.URL{Scheme: "file", OmitHost: true, Path: filepath.Join(dir, "other.sqlite")}).String()
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec(t, db, `CREATE TABLE things (x TEXT)`)
	k := newIDIndexKeeper(dir, slog.New(slog.NewTextHandler(io.Discard, nil)))
	defer k.closeAll()
	k.round(context.Background())
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("indexes in a foreign database: %d (%v)", n, err)
	}
}
