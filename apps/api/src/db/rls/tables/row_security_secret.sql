alter table row_security_secret enable row level security;
alter table row_security_secret force row level security;
