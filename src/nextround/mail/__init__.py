"""Mail intake: read the job-search mailbox, recognise each message, and propose what to do with it.

Plain-Python parts (no Django): `parse`, `sources`, `senders`, `companies`, `roles`, `extract` (feedback),
`recognise`, `matching`,
`evaluate`. The Django app: `models`, `services` (import), `review` (accept, undo), `imap`, views.
"""
