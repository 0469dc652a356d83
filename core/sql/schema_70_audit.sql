-- Who did what, for the changes whose own tables keep no name: deleting an
-- upload, editing the reasons catalogue, restoring a backup. (Uploads, kinds,
-- reasons, statuses and lever rules keep who and when in their own rows.)
CREATE TABLE IF NOT EXISTS audit_log (
    done_at TIMESTAMP NOT NULL,
    done_by VARCHAR NOT NULL,
    action  VARCHAR NOT NULL,   -- delete_upload | save_catalogue | restore_backup
    subject VARCHAR
);
