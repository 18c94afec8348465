# tests/tui/test_desk_form_long_note.sh: a long note survives an edit of another field
# (English, 80x24, demo data of 2025-06-30). A litigation case is given a 600-character note
# with the CLI; in the desk only its court is changed and saved; the note, as the CLI shows
# it, is the same 600 characters, and the history records no change of the note. The note's
# box in the form shows its beginning when the cursor is elsewhere.
. "$(dirname "$0")/lib.sh"

tui_duban --db db --today 2025-06-30 init --demo
tui_duban --db db --today 2025-06-30 --lang en list litigation --format json >list.json
first=$(head -n 2 list.json | tail -n 1)
key=$(printf '%s\n' "$first" | tui_json_val case_no)
id=$(printf '%s\n' "$first" | tui_json_val id)
[ -n "$key" ] && [ -n "$id" ] || tui_fail "no litigation case in the CLI's list"
# 600 characters: 始 then 598 of 甲乙丙丁戊己庚辛壬癸 in turn, then 终.
note=$(awk 'BEGIN { s = "始"; split("甲 乙 丙 丁 戊 己 庚 辛 壬 癸", w, " ");
	for (i = 0; i < 598; i++) s = s w[i % 10 + 1]; print s "终" }')
tui_duban --db db --today 2025-06-30 edit litigation "$id" "note=$note" >/dev/null
tui_duban --db db --today 2025-06-30 --lang en show litigation "$id" >before.txt
grep -qF "$note" before.txt || tui_fail "the CLI did not store the 600-character note"

tui_start --db db --today 2025-06-30 --lang en
tui_wait_for 'Most urgent:'
tui_keys 2
tui_wait_for '  by urgency'
tui_keys /
tui_type "$key"
tui_wait_for ' 1 row'
tui_keys Enter Enter
tui_wait_for "Litigation case  $key"
tui_keys e
tui_wait_for 'Edit: Litigation case'
# The note's box shows its beginning.
tui_wait_for ' Note                     始甲乙丙'
tui_keys Tab
tui_keys C-u
tui_type '县人民法院第二庭'
tui_wait_for ' Court                    县人民法院第二庭'
tui_keys F2
tui_wait_for 'Saved: Litigation case '
tui_keys F10
tui_expect_exit 0

tui_duban --db db --today 2025-06-30 --lang en show litigation "$id" >after.txt
grep -q '县人民法院第二庭' after.txt || tui_fail "the court was not saved"
grep -qF "$note" after.txt || tui_fail "the note was cut or changed by an edit of the court"
tui_duban --db db --today 2025-06-30 --lang en history litigation "$id" >history.txt
# The last entry (the desk's save) names the court only.
awk '/^[0-9]/ { last = "" } { last = last $0 "\n" } END { printf "%s", last }' history.txt \
    >last.txt
grep -q 'Court:' last.txt || tui_fail "the last history entry is not the desk's save: $(cat last.txt)"
! grep -q 'Note:' last.txt || tui_fail "the desk's save changed the note: $(cat last.txt)"
