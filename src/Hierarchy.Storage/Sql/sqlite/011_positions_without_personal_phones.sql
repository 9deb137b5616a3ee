-- A position is a public contact point: a party member's own phone copied into one (as imports and plans once did) is
-- personal data shown to every caller. Such positions lose the phone until an admin gives them a work phone.
UPDATE positions SET holder_phone = ''
WHERE member_id IS NOT NULL AND holder_phone = (SELECT m.phone FROM party_members m WHERE m.id = positions.member_id);

UPDATE position_history SET holder_phone = ''
WHERE member_id IS NOT NULL AND holder_phone = (SELECT m.phone FROM party_members m WHERE m.id = position_history.member_id);
