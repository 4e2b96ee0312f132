-- Covers: user variables with = and :=, typed values, unset variables read as NULL, assignment inside SELECT
SET @a = 1, @b := 'x', @c = 1.50, @d = 1e2, @e = NULL, @`quoted name` = 'q';
> ok

SELECT @a, @b, @c, @d, @e, @never_set, @A;
> @a @b @c   @d  @e   @never_set @A
> -- -- ---- --- ---- ---------- --
> 1  x  1.50 100 null null       1
> rows: 1

-- names JSqlParser alone cannot read: @v and quoted names
SET @v = 'vee', @`odd name` = 2, @'single' = 3, @"double" = 4;
> ok

SELECT @v, @`odd name` + 1, @'single', @"double", @v := 'again', @V;
> @v  @`odd name` + 1 @'single' @"double" @v := 'again' @V
> --- --------------- --------- --------- ------------- -----
> vee 3               3         4         again         again
> rows: 1

SELECT @a + 1, CONCAT(@b, @a);
> @a + 1 CONCAT(@b, @a)
> ------ --------------
> 2      x1
> rows: 1

SELECT @counter := 10, @counter + 1;
> @counter := 10 @counter + 1
> -------------- ------------
> 10             11
> rows: 1

SET @a = @a + 1;
> ok

SELECT @a;
> @a
> --
> 2
> rows: 1

SET @s = CONCAT('a', 'b'), @n = @a * 2, @h = 0x41, @x = 1e2, @neg = -5;
> ok

SELECT @s, @n, @h, @x, @neg;
> @s @n @h @x  @neg
> -- -- -- --- ----
> ab 4  A  100 -5
> rows: 1

-- Failure: a user variable needs a value
SET @a =;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1
