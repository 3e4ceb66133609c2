"""What the tracker announces after it writes, for the capabilities above it (the playbook, later others).

The tracker imports nothing above it, so it cannot call them; instead each service sends one of these
signals after its write, inside its transaction, and whoever cares connects a receiver in its
`AppConfig.ready()`. Every path that writes (forms, the board, imports, restores, the demo, test helpers)
goes through the same services, so every path announces the same way. See docs/decisions.md.

Every signal is sent with `sender` the model class and these keyword arguments:
    owner    the user whose rows these are
    origin   an `Origin`: USER (the app or the command line), IMPORT, or RESTORE (rows brought back from an
             export, with whatever the capabilities made from them at the time, so listeners usually skip it)
and a list of the rows (one send per batch: a single action sends a list of one):

    application_created       applications=[Application]  new applications, each with its first stage entry
                              (none of their own for a restore, which brings their history with it)
    stage_changed             changes=[StageChange]     moves, each application already at its latest move;
                              `change.application` is loaded for USER and IMPORT moves
    interaction_logged        interactions=[Interaction]   new or edited, their contacts already set;
                              previous=[datetime]: when the edited ones happened before the edit
    interactions_removed      interactions=[Interaction]   as they were (id, kind, direction, moment): deleted
                              (one by one, or with their application), or that lost a person (a deleted
                              contact)
    follow_up_status_changed  follow_ups=[FollowUp]     done, dismissed, snoozed or reopened
    contact_created           contacts=[Contact]
    contact_changed           contacts=[Contact], fields=[names of the fields written] or None for all
    history_restored          (no rows) a restore wrote all its batches; listeners that skipped its rows
                              work out what they keep once, here

A receiver runs inside the writer's transaction: if it fails, the whole action is undone. Services send
through `announce`, which skips an empty batch.
"""

from django.dispatch import Signal

from nextround.tracker.vocabulary import Origin

application_created = Signal()
stage_changed = Signal()
interaction_logged = Signal()
interactions_removed = Signal()
follow_up_status_changed = Signal()
contact_created = Signal()
contact_changed = Signal()
history_restored = Signal()

# The keyword each signal's rows travel under.
_ROWS = {
    application_created: "applications",
    stage_changed: "changes",
    interaction_logged: "interactions",
    interactions_removed: "interactions",
    follow_up_status_changed: "follow_ups",
    contact_created: "contacts",
    contact_changed: "contacts",
}


def announce_restored(*, owner) -> None:
    """Tell the listeners that a restore of `owner`'s export finished writing (inside its transaction)."""
    history_restored.send(sender=None, owner=owner, origin=Origin.RESTORE)


def announce(signal: Signal, sender: type, rows: list, *, owner, origin, **extra) -> None:
    """Send `signal` for a batch of rows written by a tracker service; an empty batch announces nothing."""
    if rows:
        signal.send(sender=sender, owner=owner, origin=origin, **{_ROWS[signal]: rows}, **extra)
