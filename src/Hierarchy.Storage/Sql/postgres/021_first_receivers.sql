-- The responsibility list may name the kind of organisation that receives a category first in a compound it serves
-- (有事您找我); earlier copies of the list named none.
ALTER TABLE responsibility_categories ADD COLUMN first_receiver SMALLINT;
