"""Run the retention schedule now, or (--dry-run) show what the next run would remove."""

from django.core.management.base import BaseCommand

from reporting.lifecycle import Category, national_days, preview, run_purge, waiting_changes

LABELS = {
    Category.CONTACT: "contact details",
    Category.FREE_TEXT: "free text",
    Category.EVIDENCE: "evidence",
    Category.ANONYMISE: "anonymised",
}


class Command(BaseCommand):
    help = "Apply the retention schedule, or show with --dry-run what it would remove."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would go; change nothing."
        )
        parser.add_argument(
            "--proposed",
            action="store_true",
            help="With --dry-run: count under the periods set now, before the data protection "
            "officer applies a shorter one.",
        )

    def handle(self, *args, dry_run=False, proposed=False, **options):
        days = national_days()
        self.stdout.write(
            "Schedule set (days; an area may set shorter): "
            + ", ".join(f"{LABELS[c]} {days[c]}" for c in Category)
        )
        for change in waiting_changes():
            where = change.area.name if change.area else "nationally"
            self.stdout.write(
                f"Waiting for the data protection officer: {LABELS[change.category]} {where}, "
                f"{change.configured} days set, {change.in_force} in force"
            )
        result = preview(proposed=proposed) if dry_run else run_purge()
        if result.skipped:
            self.stdout.write("Another run holds the lock; nothing done.")
            return
        verb = "Would remove" if dry_run else "Removed"
        totals = result.totals()
        self.stdout.write(
            f"{verb}: " + ", ".join(f"{LABELS[c]} {totals[c]}" for c in Category) + " (reports)"
        )
        for row in result.by_area():
            self.stdout.write(
                f"  {row['area']}: " + ", ".join(f"{LABELS[c]} {row[c]}" for c in Category)
            )
