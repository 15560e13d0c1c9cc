package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	// The SQLite driver FerretDB itself uses (same module version, pure Go).
	_ "modernc.org/sqlite"
)

// FerretDB 1.24's SQLite backend filters a lookup by _id with
// `WHERE _ferretdb_sjson->'$._id' = ?` but builds its unique _id index on
// `_ferretdb_sjson->"_id"`. SQLite uses an expression index only for the very
// expression in the query, so every find, update and delete by _id read the
// whole table: 0.6 s for a recent document of a 20,000-document collection,
// and a consumer's dedupe check (a lookup that finds nothing) was the slowest
// of all. idIndexKeeper adds, beside FerretDB's own index, one on the
// expression the queries use, to every collection table of every database in
// the SQLite directory, as collections appear. FerretDB does not know the
// index (it lists its own from its metadata), SQLite maintains it, and
// dropping the collection drops it.
type idIndexKeeper struct {
	dir    string
	logger *slog.Logger
	files  map[string]*dbFile
}

// dbFile is what the keeper remembers of one database file between rounds.
type dbFile struct {
	inode   uint64
	changed time.Time // modification time of the file and its WAL, to skip untouched files
	sig     string    // count and last rowid of FerretDB's collection list
	db      *sql.DB
	idle    int // rounds without a change, to close connections of quiet databases
}

const idIndexSuffix = "__id_expr"

func newIDIndexKeeper(dir string, logger *slog.Logger) *idIndexKeeper {
	return &idIndexKeeper{dir: dir, logger: logger, files: map[string]*dbFile{}}
}

// run checks the directory every interval until ctx ends.
func (k *idIndexKeeper) run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	defer k.closeAll()
	for {
		k.round(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (k *idIndexKeeper) closeAll() {
	for path, f := range k.files {
		if f.db != nil {
			f.db.Close()
		}
		delete(k.files, path)
	}
}

func (k *idIndexKeeper) round(ctx context.Context) {
	paths, err := filepath.Glob(filepath.Join(k.dir, "*.sqlite"))
	if err != nil {
		return
	}
	seen := make(map[string]bool, len(paths))
	for _, path := range paths {
		seen[path] = true
		if err := k.check(ctx, path); err != nil && ctx.Err() == nil {
			k.logger.Warn("id index keeper", "file", path, "error", err)
		}
	}
	// A dropped database: forget it (and let go of the deleted file).
	for path, f := range k.files {
		if !seen[path] {
			if f.db != nil {
				f.db.Close()
			}
			delete(k.files, path)
		}
	}
}

func (k *idIndexKeeper) check(ctx context.Context, path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return nil // dropped meanwhile
	}
	inode := st.Sys().(*syscall.Stat_t).Ino
	changed := st.ModTime()
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.ModTime().After(changed) {
		changed = wal.ModTime()
	}

	f := k.files[path]
	if f != nil && f.inode != inode { // dropped and created again under the same name
		if f.db != nil {
			f.db.Close()
		}
		f = nil
	}
	if f == nil {
		f = &dbFile{inode: inode}
		k.files[path] = f
	}
	if f.changed.Equal(changed) {
		if f.idle++; f.idle > 30 && f.db != nil {
			f.db.Close()
			f.db = nil
		}
		return nil
	}
	f.idle = 0

	if f.db == nil {
		uri := (&url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: "_pragma=busy_timeout(10000)"}).String()
		if f.db, err = sql.Open("sqlite", uri); err != nil {
			return err
		}
		f.db.SetMaxOpenConns(1)
	}

	var sig string
	err = f.db.QueryRowContext(ctx, `SELECT count(*) || ':' || coalesce(max(rowid), 0) FROM _ferretdb_collections`).Scan(&sig)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			f.changed = changed // not a FerretDB database yet
			return nil
		}
		return err
	}
	if sig == f.sig {
		f.changed = changed
		return nil
	}

	rows, err := f.db.QueryContext(ctx, `SELECT c.table_name FROM _ferretdb_collections c
		WHERE NOT EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'index' AND m.name = c.table_name || ?)`, idIndexSuffix)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()
	for _, t := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, t+idIndexSuffix, t)
		if _, err := f.db.ExecContext(ctx, q); err != nil && !strings.Contains(err.Error(), "no such table") {
			return fmt.Errorf("%s: %w", t, err)
		}
	}
	f.sig = sig
	f.changed = changed
	return nil
}
