"""Every menu command and its shortcut, in one table.

The main window builds its menus, toolbar and context menu from :data:`ACTIONS`; the
README's shortcut list is generated from it too (:func:`shortcut_table`), so the two
never disagree. The window maps each ``key`` to its command (a typed call, checked by
mypy; a key without one stops the window from starting).
"""

from __future__ import annotations

from dataclasses import dataclass

MENUS = ("File", "Edit", "View", "Claim", "Help")


@dataclass(frozen=True, slots=True)
class ActionSpec:
    key: str  # object name of the QAction ("action_<key>")
    text: str  # menu text, with & for the mnemonic
    menu: str
    shortcuts: tuple[str, ...] = ()  # portable key sequence text, first one is shown
    tip: str = ""
    icon: str = ""
    toolbar: bool = False
    context: bool = False  # also in the reader's right-click menu
    # "project", "article", "claim": enabled only when that is open; "fuzzy": the selected
    # claim is approximately placed; "reattach": a claim waiting for review (fuzzy or lost)
    # and some article text selected
    needs: str = ""
    separator_before: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("new_project", "&New Project…", "File", ("Ctrl+N",),
               "Create an empty project file"),
    ActionSpec("open_project", "&Open Project…", "File", ("Ctrl+O",),
               "Open another project file"),
    ActionSpec("open_default", "Open &Default Project", "File", (),
               "Open the project factcheck starts with (the sample articles' project)"),
    ActionSpec("import_files", "&Import Articles…", "File", ("Ctrl+I",),
               "Import .txt, .md, .html, .pdf and .docx files (or drop them on the window)",
               needs="project", separator_before=True),
    ActionSpec("paste_article", "New Article from &Clipboard…", "File",
               ("Ctrl+Shift+V",), "Create an article from the text on the clipboard",
               needs="project"),
    ActionSpec("export_report", "&Export Report…", "File", ("Ctrl+E",),
               "Export a verification report", needs="project"),
    ActionSpec("sync", "S&ync with Shared Folder…", "File", (),
               "Send your changes to the folder your desk shares and get the others'",
               needs="project"),
    ActionSpec("quit", "&Quit", "File", ("Ctrl+Q",), "Quit factcheck",
               separator_before=True),
    # Edit (Undo and Redo come from the undo stack and are added by the window)
    ActionSpec("find", "&Find…", "Edit", ("Ctrl+F",),
               "Search all articles and notes", icon="search", needs="project",
               separator_before=True),
    ActionSpec("edit_text", "Edit Article &Text…", "Edit", (),
               "Correct the text of the open article (claims follow the text)",
               needs="article"),
    ActionSpec("article_language", "Article &Language and Direction…", "Edit",
               (), "Correct the detected language of the open "
               "article, and whether its paragraphs run left to right or right to left",
               needs="article"),
    ActionSpec("edit_details", "Edit Article &Details…", "Edit", (),
               "Correct the open article's title, outlet, author, date or URL",
               needs="article"),
    ActionSpec("delete_article", "De&lete Article…", "Edit", (),
               "Delete the open article with its claims (undoable)", needs="article"),
    ActionSpec("manage_tags", "Manage T&ags…", "Edit", ("Ctrl+Shift+T",),
               "Rename, merge, recolour, describe or delete tags; import or export a "
               "codebook", needs="project", separator_before=True),
    ActionSpec("reviewer", "&Reviewer Name…", "Edit", (),
               "The name recorded on your edits", separator_before=True),
    # View
    ActionSpec("next_article", "&Next Article", "View", ("Ctrl+PgDown",),
               "Open the next article in the list", icon="next-article", needs="project"),
    ActionSpec("previous_article", "&Previous Article", "View",
               ("Ctrl+PgUp",), "Open the previous article in the list",
               icon="previous-article", needs="project"),
    ActionSpec("next_unverified", "Next &Unverified Claim", "View", ("F8",),
               "Go to the next unverified claim in the project", icon="next-unverified",
               toolbar=True, needs="project", separator_before=True),
    ActionSpec("previous_unverified", "Previous Un&verified Claim", "View",
               ("Shift+F8",),
               "Go to the previous unverified claim in the project",
               icon="previous-unverified", toolbar=True, needs="project"),
    ActionSpec("focus_text", "Go to Article &Text", "View", ("Escape",),
               "Put the caret in the article (from a list or a field; clears a search)",
               needs="article", separator_before=True),
    ActionSpec("figures_board", "&Figures Board", "View",
               ("Ctrl+Shift+F",), "Facts told by several articles and the figures that "
               "disagree, beside the reader", needs="project", separator_before=True),
    ActionSpec("underline_figures", "Under&line Figures", "View",
               (), "Underline the figures of the open article faintly (on/off)",
               needs="article"),
    ActionSpec("show_suggestions", "Show &Suggested Claims", "View",
               ("Ctrl+Shift+G",), "Underline the sentences most worth checking (on/off); "
               "hover one for why", needs="article"),
    ActionSpec("next_suggestion", "Ne&xt Suggested Claim", "View",
               ("Alt+F8",), "Select the next suggested claim, best first", needs="article"),
    ActionSpec("previous_suggestion", "Pre&vious Suggested Claim", "View",
               ("Alt+Shift+F8",), "Select the previous suggested claim",
               needs="article"),
    ActionSpec("show_review", "Claims Needing &Review", "View",
               (), "List the open article's claims to confirm, re-attach or delete after "
               "its text changed", needs="article"),
    ActionSpec("clear_filters", "Show &All Claims of the Article", "View",
               ("Ctrl+Shift+A",), "Clear the claim list's filters", needs="article"),
    ActionSpec("claims_table", "&Claims of the Project", "View",
               ("Ctrl+Shift+C",), "Every claim of the project in one table: sort, filter, "
               "open", needs="project"),
    # Claim
    ActionSpec("mark", "&Mark as Claim", "Claim", ("Ctrl+M", "Ctrl+Alt+M"),
               "Mark the selected text as a claim (hold Alt to keep the exact selection)",
               icon="mark", toolbar=True, context=True, needs="article"),
    ActionSpec("accept_suggestion", "&Accept Suggested Claim", "Claim",
               ("Ctrl+Shift+M",), "Mark the chosen suggested sentence as a claim, with its "
               "claimant filled in", needs="article"),
    ActionSpec("reject_suggestion", "Re&ject Suggested Claim", "Claim",
               ("Ctrl+Shift+K",), "Hide the chosen suggested sentence for good",
               needs="article"),
    ActionSpec("mark_everywhere", "Mark &Everywhere", "Claim",
               ("Ctrl+Shift+E",), "Mark the selected claim where it appears in other "
               "articles (same words or same fact), linked same-as", needs="claim"),
    ActionSpec("corroborated", "&Corroborated", "Claim", ("Ctrl+1",),
               "Verdict: corroborated", icon="corroborated", toolbar=True, context=True,
               needs="claim", separator_before=True),
    ActionSpec("contradicted", "C&ontradicted", "Claim", ("Ctrl+2",),
               "Verdict: contradicted", icon="contradicted", toolbar=True, context=True,
               needs="claim"),
    ActionSpec("inconclusive", "&Inconclusive", "Claim", ("Ctrl+3",),
               "Verdict: inconclusive", icon="inconclusive", toolbar=True, context=True,
               needs="claim"),
    ActionSpec("unverified", "&Unverified", "Claim", ("Ctrl+0",),
               "Verdict: unverified (not yet judged)", icon="unverified", toolbar=True,
               context=True, needs="claim"),
    ActionSpec("add_tag", "Add &Tag…", "Claim", ("Ctrl+T",),
               "Tag the selected claim", icon="tag", context=True, needs="claim",
               separator_before=True),
    ActionSpec("link_claim", "&Link to Claim…", "Claim", ("Ctrl+L",),
               "Link the selected claim to a claim in another article", icon="link",
               toolbar=True, context=True, needs="claim"),
    ActionSpec("add_source", "Add Outside &Source…", "Claim", ("Ctrl+Shift+L",),
               "Attach a URL, title, quote and date as evidence", icon="source",
               context=True, needs="claim"),
    ActionSpec("confirm_placement", "Con&firm Placement", "Claim",
               ("Ctrl+Return",), "Keep an approximately placed claim where it landed after "
               "the text changed", context=True, needs="fuzzy", separator_before=True),
    ActionSpec("reattach_claim", "&Re-attach to Selection", "Claim",
               ("Ctrl+R", "Ctrl+Alt+R"), "Move the selected claim to the text selected in "
               "the article (hold Alt to keep the exact selection)", icon="mark",
               context=True, needs="reattach"),
    ActionSpec("delete_claim", "&Delete Claim", "Claim", ("Delete",),
               "Delete the selected claim (undoable)", icon="delete", context=True,
               needs="claim", separator_before=True),
    ActionSpec("curate", "C&urate Disagreements…", "Claim", (),
               "Claims the reviewers judged differently, side by side: accept one verdict "
               "or adjudicate", needs="project", separator_before=True),
    # Help
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "Help", ("F1",),
               "List every shortcut"),
    ActionSpec("about", "&About factcheck", "Help"),
)  # fmt: skip

UNDO_SHORTCUTS = ("Ctrl+Z",)
REDO_SHORTCUTS = ("Ctrl+Shift+Z", "Ctrl+Y")


def shortcut_table() -> list[tuple[str, str, str]]:
    """(menu, command, shortcuts) rows for documentation, menus in menu-bar order."""
    rows = [("Edit", "Undo", " / ".join(UNDO_SHORTCUTS)),
            ("Edit", "Redo", " / ".join(REDO_SHORTCUTS))]  # fmt: skip
    rows += [(a.menu, a.text.replace("&", "").rstrip("…"), " / ".join(a.shortcuts))
             for a in ACTIONS if a.shortcuts]  # fmt: skip
    return sorted(rows, key=lambda r: MENUS.index(r[0]))
